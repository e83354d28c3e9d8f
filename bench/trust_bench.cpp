// The transparency log's proofs at a million entries (issue 11: verifying a certificate's inclusion proof
// in a log of 1,000,000 entries under 1 ms). Builds the kept tree in memory, then times making and
// verifying inclusion proofs at random indexes and a consistency proof. Usage: trust_bench [entries]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "trust/merkle.hpp"

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
  return ok == rounds ? 0 : 1;
}
