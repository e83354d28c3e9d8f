#include "http/node_stub.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

extern char** environ;

namespace brilliant::test {

NodeStub::NodeStub(const std::string& relative) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::string script = std::string(BRILLIANT_SOURCE_DIR) + "/" + relative;
  std::string node = "node", port = "--port", zero = "0";
  char* argv[] = {node.data(), script.data(), port.data(), zero.data(), nullptr};
  const int spawned = posix_spawnp(&pid_, "node", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawned != 0) {
    close(out[0]);
    throw std::runtime_error("cannot start node for " + relative);
  }
  // Its own word that it listens, with the port it got.
  std::string said;
  char buffer[256];
  const std::string marker = " listening on http://127.0.0.1:";
  while (said.find('\n') == std::string::npos) {
    const auto n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    said.append(buffer, static_cast<size_t>(n));
  }
  close(out[0]);
  const auto at = said.find(marker);
  if (at == std::string::npos) throw std::runtime_error(relative + " did not start: " + said);
  port_ = std::stoi(said.substr(at + marker.size()));
}

NodeStub::~NodeStub() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

HttpResponse NodeStub::control(const std::string& what, const std::string& json) {
  HttpClient c(url());
  return c.request("POST", "/__control/" + what, json, {"Content-Type: application/json"});
}

HttpResponse NodeStub::get(const std::string& path) {
  HttpClient c(url());
  return c.get(path);
}

}  // namespace brilliant::test
