// The transparency log's Merkle tree, hashed as RFC 9162 (Certificate Transparency 2.0) §2.1 says:
// a leaf is SHA-256(0x00 || entry), an interior node SHA-256(0x01 || left || right), the empty tree's
// root SHA-256(""). Proofs that an entry is in the tree (inclusion, §2.1.3) and that a tree of size m is
// a prefix of a tree of size n (consistency, §2.1.4), made and checked here so that anyone can check them
// with RFC 9162's algorithms and nothing of ours. Pure: no SQL, no HTTP (the log's storage builds on it).
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace brilliant::trust {

using Hash = std::array<unsigned char, 32>;

Hash leaf_hash(std::string_view entry);
Hash node_hash(const Hash& left, const Hash& right);
Hash empty_root();

// The tree head MTH(D[n]) over the leaves' hashes (RFC 9162 §2.1.1).
Hash root_of(std::span<const Hash> leaves);
// PATH(index, D[n]): the audit path of leaf `index` (< leaves.size()), from the leaf up (§2.1.3.1).
std::vector<Hash> inclusion_proof(std::span<const Hash> leaves, uint64_t index);
// PROOF(m, D[n]) for 0 < m <= n = leaves.size() (§2.1.4.1); empty when m == n.
std::vector<Hash> consistency_proof(std::span<const Hash> leaves, uint64_t m);

// A tree kept for proofs: every perfect subtree's hash is kept as leaves arrive, so that a tree head or a
// proof in a tree of n entries costs O(log^2 n) hashes, not O(n) (a million entries: microseconds).
class MerkleTree {
 public:
  void append(const Hash& leaf);
  uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }
  // MTH of the first n leaves (n <= size()).
  Hash root(uint64_t n) const;
  std::vector<Hash> inclusion_proof(uint64_t index, uint64_t n) const;
  std::vector<Hash> consistency_proof(uint64_t m, uint64_t n) const;

 private:
  Hash range_root(uint64_t begin, uint64_t end) const;
  void subproof(uint64_t begin, uint64_t end, uint64_t m, bool whole, std::vector<Hash>& out) const;
  std::vector<std::vector<Hash>> levels_;  // levels_[k][i]: leaves [i * 2^k, (i + 1) * 2^k)
};

// Checks an inclusion proof as RFC 9162 §2.1.3.2 does; hashes are byte strings (so a proof that arrived
// with a hash of the wrong length fails rather than being cut to size). The error says what failed.
Result<void> verify_inclusion(uint64_t index, uint64_t size, std::string_view leaf,
                              std::span<const std::string> proof, std::string_view root);
// Checks a consistency proof between the trees of size `first` (root first_root) and `second` (§2.1.4.2).
Result<void> verify_consistency(uint64_t first, uint64_t second, std::string_view first_root,
                                std::string_view second_root, std::span<const std::string> proof);

std::string bytes_of(const Hash& hash);

}  // namespace brilliant::trust
