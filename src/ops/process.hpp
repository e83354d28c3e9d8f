// Running another program (pg_dump, pg_restore) without a shell: the arguments go to it as they are,
// so nothing in a URL or a path can be read as a command. Its output (stdout and stderr together) comes
// back for the error message.
#pragma once
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

}  // namespace brilliant::ops
