#include "trust/merkle.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <optional>

namespace brilliant::trust {
namespace {

Hash sha256(std::initializer_list<std::string_view> parts) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (auto part : parts)
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  Hash out;
  crypto_hash_sha256_final(&state, out.data());
  return out;
}

std::string_view view(const Hash& h) { return {reinterpret_cast<const char*>(h.data()), h.size()}; }

std::optional<Hash> hash_of(std::string_view bytes) {
  if (bytes.size() != 32) return std::nullopt;
  Hash h;
  std::memcpy(h.data(), bytes.data(), 32);
  return h;
}

// The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree of n leaves.
uint64_t split_of(uint64_t n) {
  uint64_t k = 1;
  while (k << 1 < n) k <<= 1;
  return k;
}

bool lsb(uint64_t x) { return x & 1; }

void subproof(std::span<const Hash> d, uint64_t m, bool whole, std::vector<Hash>& out) {
  const uint64_t n = d.size();
  if (m == n) {
    if (!whole) out.push_back(root_of(d));
    return;
  }
  const uint64_t k = split_of(n);
  if (m <= k) {
    subproof(d.subspan(0, k), m, whole, out);
    out.push_back(root_of(d.subspan(k)));
  } else {
    subproof(d.subspan(k), m - k, false, out);
    out.push_back(root_of(d.subspan(0, k)));
  }
}

}  // namespace

Hash leaf_hash(std::string_view entry) { return sha256({std::string_view("\0", 1), entry}); }

Hash node_hash(const Hash& left, const Hash& right) {
  return sha256({std::string_view("\1", 1), view(left), view(right)});
}

Hash empty_root() { return sha256({}); }

std::string bytes_of(const Hash& hash) { return std::string(view(hash)); }

Hash root_of(std::span<const Hash> leaves) {
  if (leaves.empty()) return empty_root();
  if (leaves.size() == 1) return leaves[0];
  const uint64_t k = split_of(leaves.size());
  return node_hash(root_of(leaves.subspan(0, k)), root_of(leaves.subspan(k)));
}

std::vector<Hash> inclusion_proof(std::span<const Hash> leaves, uint64_t index) {
  std::vector<Hash> path;
  // Walk down from the root, collecting the sibling subtree at each split, then reverse (leaf first).
  while (leaves.size() > 1) {
    const uint64_t k = split_of(leaves.size());
    if (index < k) {
      path.push_back(root_of(leaves.subspan(k)));
      leaves = leaves.subspan(0, k);
    } else {
      path.push_back(root_of(leaves.subspan(0, k)));
      leaves = leaves.subspan(k);
      index -= k;
    }
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<Hash> consistency_proof(std::span<const Hash> leaves, uint64_t m) {
  std::vector<Hash> out;
  if (m == 0 || m > leaves.size()) return out;
  subproof(leaves, m, true, out);
  return out;
}

Result<void> verify_inclusion(uint64_t index, uint64_t size, std::string_view leaf,
                              std::span<const std::string> proof, std::string_view root) {
  if (index >= size)
    return Error::invalid("index", "index_out_of_range", "the leaf index is not below the tree size");
  const auto expected = hash_of(root);
  auto r = hash_of(leaf);
  if (!expected || !r) return Error::invalid("hash", "hash_length", "a hash is not 32 bytes");
  uint64_t fn = index, sn = size - 1;
  for (const auto& bytes : proof) {
    const auto p = hash_of(bytes);
    if (!p) return Error::invalid("proof", "hash_length", "a hash in the proof is not 32 bytes");
    if (sn == 0)
      return Error::invalid("proof", "proof_too_long", "the proof has more hashes than the tree has levels");
    if (lsb(fn) || fn == sn) {
      *r = node_hash(*p, *r);
      if (!lsb(fn))
        while (!lsb(fn) && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else {
      *r = node_hash(*r, *p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0)
    return Error::invalid("proof", "proof_too_short", "the proof has fewer hashes than the tree has levels");
  if (*r != *expected) return Error::invalid("root", "root_mismatch", "the proof does not lead to this root");
  return {};
}

Result<void> verify_consistency(uint64_t first, uint64_t second, std::string_view first_root,
                                std::string_view second_root, std::span<const std::string> proof) {
  if (first > second)
    return Error::invalid("size", "sizes_reversed", "the first tree is larger than the second");
  if (first == 0)  // as RFC 9162 §2.1.4 defines proofs only for 0 < first
    return Error::invalid("size", "empty_first_tree",
                          "a consistency proof from the empty tree proves nothing");
  if (first == second) {  // the same tree: its roots are compared as given
    if (!proof.empty()) return Error::invalid("proof", "proof_not_empty", "trees of one size need no proof");
    if (first_root != second_root)
      return Error::invalid("root", "root_mismatch", "trees of one size have different roots");
    return {};
  }
  const auto r1 = hash_of(first_root), r2 = hash_of(second_root);
  if (!r1 || !r2) return Error::invalid("root", "hash_length", "a root is not 32 bytes");
  if (proof.empty()) return Error::invalid("proof", "proof_empty", "the proof is empty");
  std::vector<Hash> path;
  for (const auto& bytes : proof) {
    const auto h = hash_of(bytes);
    if (!h) return Error::invalid("proof", "hash_length", "a hash in the proof is not 32 bytes");
    path.push_back(*h);
  }
  if ((first & (first - 1)) == 0) path.insert(path.begin(), *r1);  // a power of two: its root is a node
  uint64_t fn = first - 1, sn = second - 1;
  while (lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0], sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    if (sn == 0) return Error::invalid("proof", "proof_too_long", "the proof has more hashes than needed");
    if (lsb(fn) || fn == sn) {
      fr = node_hash(path[i], fr);
      sr = node_hash(path[i], sr);
      if (!lsb(fn))
        while (!lsb(fn) && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else {
      sr = node_hash(sr, path[i]);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Error::invalid("proof", "proof_too_short", "the proof has fewer hashes than needed");
  if (fr != *r1)
    return Error::invalid("root", "first_root_mismatch", "the proof does not lead to the first root");
  if (sr != *r2)
    return Error::invalid("root", "second_root_mismatch", "the proof does not lead to the second root");
  return {};
}

void MerkleTree::append(const Hash& leaf) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf);
  for (size_t k = 0; levels_[k].size() % 2 == 0; ++k) {
    if (k + 1 == levels_.size()) levels_.emplace_back();
    const auto& level = levels_[k];
    levels_[k + 1].push_back(node_hash(level[level.size() - 2], level.back()));
  }
}

Hash MerkleTree::range_root(uint64_t begin, uint64_t end) const {
  const uint64_t n = end - begin;
  if (n == 0) return empty_root();
  if ((n & (n - 1)) == 0 && begin % n == 0) {  // a perfect, aligned subtree: kept
    size_t k = 0;
    while ((uint64_t{1} << k) < n) ++k;
    return levels_[k][begin >> k];
  }
  const uint64_t split = split_of(n);
  return node_hash(range_root(begin, begin + split), range_root(begin + split, end));
}

Hash MerkleTree::root(uint64_t n) const { return range_root(0, n); }

std::vector<Hash> MerkleTree::inclusion_proof(uint64_t index, uint64_t n) const {
  std::vector<Hash> path;
  uint64_t begin = 0, end = n;
  while (end - begin > 1) {
    const uint64_t k = split_of(end - begin);
    if (index < begin + k) {
      path.push_back(range_root(begin + k, end));
      end = begin + k;
    } else {
      path.push_back(range_root(begin, begin + k));
      begin += k;
    }
  }
  std::reverse(path.begin(), path.end());
  return path;
}

void MerkleTree::subproof(uint64_t begin, uint64_t end, uint64_t m, bool whole,
                          std::vector<Hash>& out) const {
  const uint64_t n = end - begin;
  if (m == n) {
    if (!whole) out.push_back(range_root(begin, end));
    return;
  }
  const uint64_t k = split_of(n);
  if (m <= k) {
    subproof(begin, begin + k, m, whole, out);
    out.push_back(range_root(begin + k, end));
  } else {
    subproof(begin + k, end, m - k, false, out);
    out.push_back(range_root(begin, begin + k));
  }
}

std::vector<Hash> MerkleTree::consistency_proof(uint64_t m, uint64_t n) const {
  std::vector<Hash> out;
  if (m == 0 || m > n || n > size()) return out;
  subproof(0, n, m, true, out);
  return out;
}

}  // namespace brilliant::trust
