#include "trust/merkle.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "trust/testing.hpp"

namespace brilliant::trust {
namespace {

std::string unhex(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr,
                 nullptr, nullptr);
  return out;
}

std::string unbase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return "not base64";
  out.resize(len);
  return out;
}

std::vector<Hash> leaves_of(int n) {
  std::vector<Hash> out;
  for (int i = 0; i < n; ++i) out.push_back(leaf_hash("entry " + std::to_string(i)));
  return out;
}

boost::json::array probes(const std::string& name) {
  std::ifstream in(std::filesystem::path(BRILLIANT_SOURCE_DIR) / "tests/vectors/merkle" / (name + ".json"));
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str()).as_array();
}

std::vector<std::string> proof_of(const boost::json::object& probe) {
  std::vector<std::string> out;
  if (const auto* p = probe.if_contains("proof"); p && p->is_array())
    for (const auto& h : p->as_array()) out.push_back(unbase64(h.as_string()));
  return out;
}

std::string text_of(const boost::json::object& probe, const char* key) {
  const auto* v = probe.if_contains(key);
  return v && v->is_string() ? unbase64(v->as_string()) : std::string();
}

}  // namespace

// The tree of RFC 6962's test leaves, with the roots every CT implementation checks against.
TEST(Merkle, RootsOfThePublishedTestTreeAtEverySize) {
  const std::vector<std::string> inputs{"",
                                        unhex("00"),
                                        unhex("10"),
                                        unhex("2021"),
                                        unhex("3031"),
                                        unhex("40414243"),
                                        unhex("5051525354555657"),
                                        unhex("606162636465666768696a6b6c6d6e6f")};
  const std::vector<std::string> roots{"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                       "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                                       "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                                       "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                                       "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                                       "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                                       "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                                       "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                                       "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
  std::vector<Hash> leaves;
  EXPECT_EQ(bytes_of(root_of(leaves)), unhex(roots[0]));
  for (size_t n = 1; n <= inputs.size(); ++n) {
    leaves.push_back(leaf_hash(inputs[n - 1]));
    EXPECT_EQ(bytes_of(root_of(leaves)), unhex(roots[n])) << n;
  }
}

TEST(Merkle, PublishedInclusionProbesPassOrFailAsTheySay) {
  int checked = 0;
  for (const auto& v : probes("inclusion")) {
    const auto& p = v.as_object();
    const auto proof = proof_of(p);
    auto done =
        verify_inclusion(p.at("leafIdx").to_number<uint64_t>(), p.at("treeSize").to_number<uint64_t>(),
                         text_of(p, "leafHash"), proof, text_of(p, "root"));
    EXPECT_EQ(done.ok(), !p.at("wantErr").as_bool()) << p.at("file").as_string();
    ++checked;
  }
  EXPECT_GT(checked, 90);
}

TEST(Merkle, PublishedConsistencyProbesPassOrFailAsTheySay) {
  int checked = 0;
  for (const auto& v : probes("consistency")) {
    const auto& p = v.as_object();
    const auto proof = proof_of(p);
    auto done = verify_consistency(p.at("size1").to_number<uint64_t>(), p.at("size2").to_number<uint64_t>(),
                                   text_of(p, "root1"), text_of(p, "root2"), proof);
    EXPECT_EQ(done.ok(), !p.at("wantErr").as_bool()) << p.at("file").as_string();
    ++checked;
  }
  EXPECT_GT(checked, 90);
}

// Every proof this code makes for trees of 1 to 64 entries verifies; any changed byte, index or size
// fails.
TEST(Merkle, EveryInclusionAndConsistencyProofUpToSixtyFourEntriesVerifiesAndTamperingFails) {
  for (int n = 1; n <= 64; ++n) {
    const auto leaves = leaves_of(n);
    const auto root = bytes_of(root_of(leaves));
    for (int i = 0; i < n; ++i) {
      auto proof = bytes(inclusion_proof(leaves, i));
      const auto leaf = bytes_of(leaves[i]);
      ASSERT_TRUE(verify_inclusion(i, n, leaf, proof, root).ok()) << n << " " << i;
      EXPECT_FALSE(verify_inclusion(i, n, bytes_of(leaf_hash("another entry")), proof, root).ok());
      if (n > 1) {
        EXPECT_FALSE(verify_inclusion((i + 1) % n, n, leaf, proof, root).ok());
      }
      for (auto& h : proof) {
        h[7] ^= 1;
        EXPECT_FALSE(verify_inclusion(i, n, leaf, proof, root).ok());
        h[7] ^= 1;
      }
    }
    for (int m = 1; m <= n; ++m) {
      auto proof = bytes(consistency_proof(leaves, m));
      const auto old_root = bytes_of(root_of(std::span(leaves).subspan(0, m)));
      ASSERT_TRUE(verify_consistency(m, n, old_root, root, proof).ok()) << m << " " << n;
      if (m < n) {
        EXPECT_FALSE(verify_consistency(m, n, root, old_root, proof).ok());
        for (auto& h : proof) {
          h[0] ^= 0x80;
          EXPECT_FALSE(verify_consistency(m, n, old_root, root, proof).ok());
          h[0] ^= 0x80;
        }
      }
    }
  }
}

// The kept tree gives what the definitions give, at every size (it is what the log serves proofs from).
TEST(Merkle, TheKeptTreeAgreesWithTheDefinitionsAtEverySize) {
  const auto leaves = leaves_of(70);
  MerkleTree tree;
  for (int n = 1; n <= 70; ++n) {
    tree.append(leaves[n - 1]);
    const auto prefix = std::span(leaves).subspan(0, n);
    ASSERT_EQ(tree.root(n), root_of(prefix)) << n;
    for (int i = 0; i < n; ++i)
      ASSERT_EQ(tree.inclusion_proof(i, n), inclusion_proof(prefix, i)) << n << " " << i;
    for (int m = 1; m <= n; ++m)
      ASSERT_EQ(tree.consistency_proof(m, n), consistency_proof(prefix, m)) << m << " " << n;
  }
  EXPECT_EQ(tree.root(0), empty_root());
  EXPECT_EQ(tree.root(5), root_of(std::span(leaves).subspan(0, 5)));  // an older size of a larger tree
}

TEST(Merkle, RandomLargerTreesToo) {
  std::mt19937_64 random(20261129);
  for (int round = 0; round < 4; ++round) {
    const int n = 65 + static_cast<int>(random() % 700);
    const auto leaves = leaves_of(n);
    const auto root = bytes_of(root_of(leaves));
    for (int k = 0; k < 8; ++k) {
      const uint64_t i = random() % n, m = 1 + random() % n;
      EXPECT_TRUE(verify_inclusion(i, n, bytes_of(leaves[i]), bytes(inclusion_proof(leaves, i)), root).ok());
      EXPECT_TRUE(verify_consistency(m, n, bytes_of(root_of(std::span(leaves).subspan(0, m))), root,
                                     bytes(consistency_proof(leaves, m)))
                      .ok());
    }
  }
}

TEST(Merkle, ErrorsSayWhatFailed) {
  const auto leaves = leaves_of(5);
  const auto root = bytes_of(root_of(leaves));
  auto proof = bytes(inclusion_proof(leaves, 2));
  EXPECT_EQ(verify_inclusion(5, 5, bytes_of(leaves[2]), proof, root).error().code, "index_out_of_range");
  EXPECT_EQ(verify_inclusion(2, 5, bytes_of(leaves[3]), proof, root).error().code, "root_mismatch");
  proof.pop_back();
  EXPECT_EQ(verify_inclusion(2, 5, bytes_of(leaves[2]), proof, root).error().code, "proof_too_short");
  EXPECT_EQ(verify_inclusion(2, 5, bytes_of(leaves[2]), proof, root.substr(1)).error().code, "hash_length");
}

}  // namespace brilliant::trust
