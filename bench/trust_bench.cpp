// The transparency log's proofs at a million entries (issue 11: verifying a certificate's inclusion proof
// in a log of 1,000,000 entries under 1 ms). Builds the kept tree in memory, then times making and
// verifying inclusion proofs at random indexes and a consistency proof. Usage: trust_bench [entries]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <boost/json.hpp>

#include "core/secret.hpp"
#include "trust/jcs.hpp"
#include "trust/log.hpp"
#include "trust/merkle.hpp"
#include "trust/signing.hpp"
#include "trust/verify.hpp"

using namespace brilliant;
using namespace brilliant::trust;
using Clock = std::chrono::steady_clock;

static double micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

int main(int argc, char** argv) {
  const uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  MerkleTree tree;
  auto t0 = Clock::now();
  for (uint64_t i = 0; i < n; ++i) tree.append(leaf_hash("{\"event\":" + std::to_string(i) + "}"));
  const double build = micros(Clock::now() - t0);
  const auto root = bytes_of(tree.root(n));
  std::mt19937_64 random(42);
  const int rounds = 2000;
  double make = 0, verify = 0;
  int ok = 0;
  for (int r = 0; r < rounds; ++r) {
    const uint64_t i = random() % n;
    auto t1 = Clock::now();
    const auto path = tree.inclusion_proof(i, n);
    auto t2 = Clock::now();
    std::vector<std::string> bytes;
    for (const auto& h : path) bytes.push_back(bytes_of(h));
    const auto leaf = bytes_of(leaf_hash("{\"event\":" + std::to_string(i) + "}"));
    auto t3 = Clock::now();
    ok += verify_inclusion(i, n, leaf, bytes, root).ok();
    auto t4 = Clock::now();
    make += micros(t2 - t1);
    verify += micros(t4 - t3);
  }
  auto t5 = Clock::now();
  const auto consistency = tree.consistency_proof(n / 3, n);
  const double consistent = micros(Clock::now() - t5);
  std::printf("entries %llu: build %.0f ms (%.0f appends/s in memory)\n", static_cast<unsigned long long>(n),
              build / 1000, n / (build / 1e6));
  std::printf("inclusion proof: make %.1f us, verify %.1f us (mean of %d; %d verified)\n", make / rounds,
              verify / rounds, rounds, ok);
  std::printf("consistency proof %llu -> %llu: %zu hashes in %.1f us\n",
              static_cast<unsigned long long>(n / 3), static_cast<unsigned long long>(n), consistency.size(),
              consistent);
  // What a verifier does with a downloaded certificate and its proof bundle (`brilliant verify`): parse
  // both, check the eddsa-jcs-2022 signature, the signed checkpoint, the audit path and the entry.
  const auto key = new_key();
  namespace json = boost::json;
  json::object doc{{"@context", json::array{"https://www.w3.org/ns/credentials/v2"}},
                   {"type", json::array{"VerifiableCredential", "EcoJewelryWorkshopCertificate"}},
                   {"issuer", "did:web:brilliant.example"},
                   {"validFrom", "2026-11-29T00:00:00Z"},
                   {"credentialSubject", json::object{{"name", "미륵사 주얼리"}, {"level", 3}}}};
  const auto credential =
      json::serialize(sign_jcs_2022(doc,
                                    {{"type", "DataIntegrityProof"},
                                     {"cryptosuite", "eddsa-jcs-2022"},
                                     {"created", "2026-11-29T00:00:00Z"},
                                     {"verificationMethod", "did:web:brilliant.example#issuer-key"},
                                     {"proofPurpose", "assertionMethod"}},
                                    key)
                          .value());
  const auto entry = credential_entry("issued", sha256_hex(canonical_json(json::parse(credential)).value()));
  const uint64_t at = n / 2 + 17;
  MerkleTree logged;
  for (uint64_t i = 0; i < n; ++i)
    logged.append(i == at ? leaf_hash(entry) : leaf_hash("{\"event\":" + std::to_string(i) + "}"));
  json::array path;
  for (const auto& h : logged.inclusion_proof(at, n)) path.emplace_back(base64(bytes_of(h)));
  const auto bundle = json::serialize(json::object{
      {"leaf_index", at},
      {"tree_size", n},
      {"entry", base64(entry)},
      {"path", path},
      {"checkpoint",
       json::object{{"note", sign_checkpoint("brilliant.example/log", n, logged.root(n), key)}}}});
  const auto multikey = public_multikey(key);
  const int verifies = 500;
  int verified = 0;
  auto t6 = Clock::now();
  for (int r = 0; r < verifies; ++r) verified += verify_credential(credential, bundle, multikey).ok();
  const double whole = micros(Clock::now() - t6) / verifies;
  std::printf(
      "verifying a certificate with its inclusion proof in a log of %llu: %.0f us (mean of %d; %d "
      "verified)\n",
      static_cast<unsigned long long>(n), whole, verifies, verified);
  return ok == rounds && verified == verifies ? 0 : 1;
}
