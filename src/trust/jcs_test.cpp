#include "trust/jcs.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <boost/json.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace brilliant::trust {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

double bits(uint64_t b) { return std::bit_cast<double>(b); }

// Boost.JSON 1.81's own parse reads "333333333.33333329" one unit off in the last place.
boost::json::value parse_precise(std::string_view text) { return parse_json_exact(text).value(); }

}  // namespace

// cyberphone/json-canonicalization's inputs and expected outputs (tests/vectors/jcs).
TEST(Jcs, PublishedInputsCanonicaliseToTheirOutputsByteForByte) {
  const auto dir = std::filesystem::path(BRILLIANT_SOURCE_DIR) / "tests/vectors/jcs";
  int files = 0;
  for (const auto* name : {"arrays", "french", "structures", "unicode", "values", "weird"}) {
    const auto input = read(dir / "input" / (std::string(name) + ".json"));
    const auto expected = read(dir / "output" / (std::string(name) + ".json"));
    ASSERT_FALSE(input.empty()) << name;
    auto canonical = canonical_json(parse_precise(input));
    ASSERT_TRUE(canonical.ok()) << name;
    EXPECT_EQ(*canonical, expected) << name;
    ++files;
  }
  EXPECT_EQ(files, 6);
}

// RFC 8785 Appendix B's number table (IEEE 754 bits -> ECMAScript text).
TEST(Jcs, NumbersAsRfc8785AppendixBWritesThem) {
  EXPECT_EQ(es_number(bits(0x0000000000000000)), "0");
  EXPECT_EQ(es_number(bits(0x8000000000000000)), "0");
  EXPECT_EQ(es_number(bits(0x0000000000000001)), "5e-324");
  EXPECT_EQ(es_number(bits(0x8000000000000001)), "-5e-324");
  EXPECT_EQ(es_number(bits(0x7fefffffffffffff)), "1.7976931348623157e+308");
  EXPECT_EQ(es_number(bits(0xffefffffffffffff)), "-1.7976931348623157e+308");
  EXPECT_EQ(es_number(bits(0x4340000000000000)), "9007199254740992");
  EXPECT_EQ(es_number(bits(0xc340000000000000)), "-9007199254740992");
  EXPECT_EQ(es_number(bits(0x4430000000000000)), "295147905179352830000");
  EXPECT_EQ(es_number(bits(0x44b52d02c7e14af5)), "9.999999999999997e+22");
  EXPECT_EQ(es_number(bits(0x44b52d02c7e14af6)), "1e+23");
  EXPECT_EQ(es_number(bits(0x44b52d02c7e14af7)), "1.0000000000000001e+23");
  EXPECT_EQ(es_number(bits(0x444b1ae4d6e2ef4e)), "999999999999999700000");
  EXPECT_EQ(es_number(bits(0x444b1ae4d6e2ef4f)), "999999999999999900000");
  EXPECT_EQ(es_number(bits(0x444b1ae4d6e2ef50)), "1e+21");
  EXPECT_EQ(es_number(bits(0x3eb0c6f7a0b5ed8c)), "9.999999999999997e-7");
  EXPECT_EQ(es_number(bits(0x3eb0c6f7a0b5ed8d)), "0.000001");
  EXPECT_EQ(es_number(bits(0x41b3de4355555553)), "333333333.3333332");
  EXPECT_EQ(es_number(bits(0x41b3de4355555554)), "333333333.33333325");
  EXPECT_EQ(es_number(bits(0x41b3de4355555555)), "333333333.3333333");
  EXPECT_EQ(es_number(bits(0x41b3de4355555556)), "333333333.3333334");
  EXPECT_EQ(es_number(bits(0x41b3de4355555557)), "333333333.33333343");
  EXPECT_EQ(es_number(bits(0xbecbf647612f3696)), "-0.0000033333333333333333");
  EXPECT_EQ(es_number(bits(0x43143ff3c1cb0959)), "1424953923781206.2");
}

TEST(Jcs, OrdersMembersByUtf16AndRefusesWhatJsonCannotCarry) {
  // U+1F602 (a surrogate pair, D83D...) sorts before U+FB33 in UTF-16, after it in code points.
  auto v = boost::json::parse(R"({"\ufb33":1,"\ud83d\ude02":2,"a":[1,2.5,"x"],"b":{"z":null,"y":true}})");
  EXPECT_EQ(canonical_json(v).value(),
            "{\"a\":[1,2.5,\"x\"],\"b\":{\"y\":true,\"z\":null},\"\xF0\x9F\x98\x82\":2,\"\xEF\xAC\xB3\":1}");
  EXPECT_FALSE(canonical_json(boost::json::value(std::numeric_limits<double>::infinity())).ok());
  EXPECT_EQ(canonical_json(boost::json::value("\x01\x1f\x7f")).value(), "\"\\u0001\\u001f\x7f\"");
  EXPECT_EQ(parse_json_exact("{\"a\": 1,}").error().code, "json_invalid");
  EXPECT_EQ(parse_json_exact("[1] x").error().code, "json_invalid");
}

}  // namespace brilliant::trust
