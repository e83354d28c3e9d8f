// Mail goes through the outbox table: enqueue() inside the transaction that caused it, so a crash can
// neither lose a mail nor send one for a change that rolled back. SmtpSender delivers it later.
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "db/fwd.hpp"

namespace brilliant::mail {

struct Mail {
  std::string to;
  std::string subject;
  std::string body;             // plain text, UTF-8
  std::string html;             // optional HTML alternative (campaigns)
  std::string unsubscribe_url;  // optional: List-Unsubscribe with one-click POST (RFC 8058)
};

struct QueuedMail {
  long long id = 0;
  Mail mail;
  std::string created_at;
  std::string sent_at;
};

void enqueue(soci::session& sql, const Mail& mail, const Clock& clock);
// Many at once in multi-row INSERTs (a campaign's hundred thousand), in the caller's transaction.
void enqueue_many(soci::session& sql, const std::vector<Mail>& mails, const Clock& clock);
// Newest first, for tests and the operator console.
std::vector<QueuedMail> recent(soci::session& sql, int limit);

// RFC 5322 message text for a Mail: headers (Subject encoded per RFC 2047 when not ASCII) and body; with
// an HTML part, multipart/alternative (the HTML base64-encoded); with an unsubscribe address, the
// List-Unsubscribe and List-Unsubscribe-Post headers.
std::string format_message(const Mail& mail, const std::string& from, const std::string& date,
                           const std::string& message_id);

// Claims up to 20 unsent mails for `node` for five minutes (several nodes share the outbox; one whose claim
// ran out, its sender gone, is claimed again) and returns them with their ids.
std::vector<std::pair<long long, Mail>> claim_batch(db::Database& db, const std::string& node, TimePoint now);

struct SmtpSettings {
  std::string url;  // "smtp://host:587" or "smtps://host:465"; empty: mail stays in the outbox
  std::string user;
  std::string password;
  std::string from = "Brilliant <no-reply@brilliant.example>";
};

// Delivers unsent outbox rows through libcurl's SMTP client on its own thread; with several nodes, each
// batch is claimed first so no mail goes out twice. Thread safe.
class SmtpSender {
 public:
  SmtpSender(db::Database& db, const Clock& clock, SmtpSettings settings);
  ~SmtpSender();
  void start();  // no-op when settings.url is empty
  void stop();
  void wake();            // deliver now rather than at the next poll
  int deliver_pending();  // one pass; returns how many were sent

 private:
  void loop();
  db::Database& db_;
  const Clock& clock_;
  SmtpSettings settings_;
  std::string node_;  // this sender's name on the mail it claims
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace brilliant::mail
