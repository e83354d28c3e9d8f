#include "ops/process.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>

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

TEST(SpawnProgram, TheChildKeepsNoneOfOurFilesAndIsWaitedFor) {
  const int ours = ::open("/dev/null", O_RDONLY);  // not close-on-exec: closefrom must still close it
  ASSERT_GE(ours, 3);
  auto child = spawn_program({"sh", "-c", "ls /proc/self/fd; exit 4"});
  ::close(ours);
  ASSERT_TRUE(child);
  std::string output;
  char buffer[512];
  for (ssize_t n; (n = ::read(child->output, buffer, sizeof buffer)) > 0;)
    output.append(buffer, static_cast<size_t>(n));
  ::close(child->output);
  EXPECT_EQ(wait_program(child->pid), 4);
  // 0, 1, 2 and the directory ls itself reads (3): nothing of ours, like `ours`.
  std::istringstream lines(output);
  int listed = 0;
  for (int fd; lines >> fd; ++listed) EXPECT_LE(fd, 3) << output;
  EXPECT_EQ(listed, 4) << output;
  std::string why;
  EXPECT_FALSE(spawn_program({"no-such-program-brilliant"}, &why));
  EXPECT_NE(why.find("no-such-program-brilliant"), std::string::npos);
}

}  // namespace
}  // namespace brilliant::ops
