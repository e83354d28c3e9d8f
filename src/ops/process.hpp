// Running another program (pg_dump, pg_restore) without a shell: the arguments go to it as they are,
// so nothing in a URL or a path can be read as a command. Its output (stdout and stderr together) comes
// back for the error message.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace brilliant::ops {

struct ProgramResult {
  int status = -1;  // the exit status; -1 when it could not be started or was killed by a signal
  std::string output;
  bool ok() const { return status == 0; }
};

// Runs argv[0] (looked up on PATH) with the rest as its arguments and waits for it.
ProgramResult run_program(const std::vector<std::string>& argv);

// A program left running (a simulcast relay): its pid and the reading end of one pipe carrying its
// stdout and stderr. The child keeps none of this process's other files (its listening sockets above
// all), so a relay outliving the server holds no port.
struct Child {
  int pid = 0;
  int output = -1;  // the caller closes it
};
// Starts argv; nothing when it cannot be started (the reason in `why`).
std::optional<Child> spawn_program(const std::vector<std::string>& argv, std::string* why = nullptr);
// Waits for the child to end; its exit status, or -1 when a signal ended it.
int wait_program(int pid);

}  // namespace brilliant::ops
