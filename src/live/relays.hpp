// The simulcast relays running on this node: one program per push target (ffmpeg copying the show's
// stream to the platform), started when the show's stream comes in or the target is added while live,
// watched for what it says (live once it reports progress; failed with its last words when it exits),
// started again after a pause that doubles up to 30 s while the show goes on, and stopped when the
// stream ends or the target is removed. Each change of state is reported (the service writes it down,
// so every node's panel shows it).
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace brilliant::live {

class Relays {
 public:
  using Report =
      std::function<void(long long target_id, const std::string& state, const std::string& detail)>;
  explicit Relays(Report report, std::chrono::milliseconds first_retry = std::chrono::seconds(2));
  ~Relays();  // stops every relay
  Relays(const Relays&) = delete;
  Relays& operator=(const Relays&) = delete;

  // Runs argv for the target (one already running for it is stopped first).
  void start(long long show_id, long long target_id, std::vector<std::string> argv);
  void stop(long long target_id);
  void stop_show(long long show_id);
  bool running(long long target_id) const;

 private:
  struct Relay;
  void stop_relays(std::vector<std::shared_ptr<Relay>> relays);

  Report report_;
  std::chrono::milliseconds first_retry_;
  mutable std::mutex mutex_;
  std::map<long long, std::shared_ptr<Relay>> relays_;  // by target
};

}  // namespace brilliant::live
