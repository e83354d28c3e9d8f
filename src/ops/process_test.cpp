#include "ops/process.hpp"

#include <gtest/gtest.h>

namespace brilliant::ops {
namespace {

TEST(RunProgram, GivesTheExitStatusAndTheOutput) {
  const auto said = run_program({"sh", "-c", "echo to-out; echo to-err >&2; exit 3"});
  EXPECT_EQ(said.status, 3);
  EXPECT_FALSE(said.ok());
  EXPECT_NE(said.output.find("to-out"), std::string::npos);
  EXPECT_NE(said.output.find("to-err"), std::string::npos);
}

TEST(RunProgram, PassesArgumentsWithoutAShell) {
  const auto said = run_program({"printf", "%s", "$(rm -rf /); `x`"});
  ASSERT_TRUE(said.ok());
  EXPECT_EQ(said.output, "$(rm -rf /); `x`");
}

TEST(RunProgram, SaysWhenTheProgramIsMissing) {
  const auto said = run_program({"no-such-program-brilliant"});
  EXPECT_FALSE(said.ok());
  EXPECT_NE(said.output.find("no-such-program-brilliant"), std::string::npos);
}

}  // namespace
}  // namespace brilliant::ops
