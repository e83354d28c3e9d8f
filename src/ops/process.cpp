#include "ops/process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace brilliant::ops {

std::optional<Child> spawn_program(const std::vector<std::string>& argv, std::string* why) {
  if (argv.empty()) return std::nullopt;
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, out[1], 2);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);  // nothing else of ours (sockets, the database)
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(out[0]);
    if (why) *why = argv[0] + ": " + std::strerror(spawned);
    return std::nullopt;
  }
  return Child{pid, out[0]};
}

int wait_program(int pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ProgramResult run_program(const std::vector<std::string>& argv) {
  ProgramResult result;
  auto child = spawn_program(argv, &result.output);
  if (!child) return result;
  char buffer[4096];
  for (;;) {
    const auto n = ::read(child->output, buffer, sizeof buffer);
    if (n > 0) {
      if (result.output.size() < 64 * 1024) result.output.append(buffer, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(child->output);
  result.status = wait_program(child->pid);
  return result;
}

}  // namespace brilliant::ops
