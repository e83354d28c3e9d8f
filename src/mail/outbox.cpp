#include "mail/outbox.hpp"

#include "db/kept.hpp"

#include "db/bulk.hpp"
#include "db/database.hpp"

#include <curl/curl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cstring>

#include "core/secret.hpp"

namespace brilliant::mail {
namespace {

constexpr char insert_mail[] =
    "INSERT INTO outbox (to_address, subject, body_text, body_html, unsubscribe_url, created_at) VALUES "
    "(:to, "
    ":subject, :body, :html, :unsub, :at)";
constexpr char select_recent[] =
    "SELECT id, to_address, subject, body_text, created_at, COALESCE(sent_at, '') FROM outbox ORDER BY id "
    "DESC LIMIT :n";
// A batch is claimed before it is sent (several nodes share the outbox): unsent mail nobody holds, or
// whose holder's claim ran out (it died mid-batch), taken for five minutes. PostgreSQL skips rows another
// node is claiming at that moment; SQLite's one writer claims one batch at a time.
constexpr char claim_unsent[] =
    "UPDATE outbox SET claimed_by = :node, claimed_until = :until WHERE id IN (SELECT id FROM outbox WHERE "
    "sent_at IS NULL AND attempts < 10 AND claimed_until < :now ORDER BY id LIMIT 20";
constexpr char select_claimed[] =
    "SELECT id, to_address, subject, body_text, body_html, unsubscribe_url FROM outbox WHERE claimed_by = "
    ":node "
    "AND claimed_until = :until AND sent_at IS NULL ORDER BY id";
constexpr char mark_sent[] = "UPDATE outbox SET sent_at = :at, attempts = attempts + 1 WHERE id = :id";
constexpr char mark_failed[] =
    "UPDATE outbox SET attempts = attempts + 1, last_error = :err, claimed_until = '' WHERE id = :id";

bool is_ascii(const std::string& text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

// RFC 2047 "encoded-word" with base64 for a non-ASCII header value.
std::string encode_header(const std::string& value) {
  if (is_ascii(value)) return value;
  return "=?UTF-8?B?" + base64(value) + "?=";
}

struct Upload {
  std::string data;
  size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

std::string address_of(const std::string& from) {
  auto open = from.find('<');
  auto close = from.find('>');
  return open != std::string::npos && close > open ? from.substr(open, close - open + 1) : "<" + from + ">";
}

}  // namespace

void enqueue(soci::session& sql, const Mail& mail, const Clock& clock) {
  const auto at = format_utc(clock.now());
  db::run(sql, insert_mail, soci::use(mail.to), soci::use(mail.subject), soci::use(mail.body),
          soci::use(mail.html), soci::use(mail.unsubscribe_url), soci::use(at));
}

void enqueue_many(soci::session& sql, const std::vector<Mail>& mails, const Clock& clock) {
  const auto at = format_utc(clock.now());
  std::vector<std::vector<std::string>> rows;
  rows.reserve(mails.size());
  for (const auto& m : mails) rows.push_back({m.to, m.subject, m.body, m.html, m.unsubscribe_url, at});
  db::insert_rows(sql, "outbox",
                  {"to_address", "subject", "body_text", "body_html", "unsubscribe_url", "created_at"}, rows,
                  100);
}

std::vector<QueuedMail> recent(soci::session& sql, int limit) {
  std::vector<QueuedMail> out;
  soci::rowset<soci::row> rows = (sql.prepare << select_recent, soci::use(limit));
  for (const auto& row : rows)
    out.push_back({db::row_int(row, 0),
                   {row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3)},
                   row.get<std::string>(4),
                   row.get<std::string>(5)});
  return out;
}

std::string format_message(const Mail& mail, const std::string& from, const std::string& date,
                           const std::string& message_id) {
  std::string body;
  for (char c : mail.body) {  // SMTP wants CRLF line ends
    if (c == '\n')
      body += "\r\n";
    else
      body += c;
  }
  std::string head = "Date: " + date + "\r\nFrom: " + from + "\r\nTo: " + mail.to +
                     "\r\nSubject: " + encode_header(mail.subject) + "\r\nMessage-ID: <" + message_id +
                     ">\r\nMIME-Version: 1.0\r\n";
  if (!mail.unsubscribe_url.empty())
    head += "List-Unsubscribe: <" + mail.unsubscribe_url +
            ">\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  const std::string text_part =
      "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  if (mail.html.empty()) return head + text_part + body + "\r\n";
  // Base64 in lines of 76 (RFC 2045), so long HTML lines never break SMTP's line limit.
  const std::string encoded = base64(mail.html);
  std::string html;
  for (size_t i = 0; i < encoded.size(); i += 76) html += encoded.substr(i, 76) + "\r\n";
  const std::string boundary = "=_brilliant_" + message_id.substr(0, message_id.find('@'));
  return head + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary +
         "\r\n" + text_part + body + "\r\n--" + boundary +
         "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + html +
         "--" + boundary + "--\r\n";
}

SmtpSender::SmtpSender(db::Database& db, const Clock& clock, SmtpSettings settings)
    : db_(db), clock_(clock), settings_(std::move(settings)), node_(random_token(6)) {}

SmtpSender::~SmtpSender() { stop(); }

void SmtpSender::start() {
  if (settings_.url.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void SmtpSender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SmtpSender::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

void SmtpSender::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      deliver_pending();
    } catch (const std::exception& e) {
      spdlog::error("mail delivery pass failed: {}", e.what());
    }
    lock.lock();
    cv_.wait_for(lock, std::chrono::seconds(30), [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

std::vector<std::pair<long long, Mail>> claim_batch(db::Database& db, const std::string& node,
                                                    TimePoint now) {
  std::vector<std::pair<long long, Mail>> batch;
  const std::string at = format_utc(now), until = format_utc(now + std::chrono::minutes(5));
  const bool postgres = db.backend() == db::Backend::postgresql;
  db.write([&](soci::session& sql) {
    sql << std::string(claim_unsent) + (postgres ? " FOR UPDATE SKIP LOCKED)" : ")"), soci::use(node),
        soci::use(until), soci::use(at);
    soci::rowset<soci::row> rows = (sql.prepare << select_claimed, soci::use(node), soci::use(until));
    for (const auto& row : rows)
      batch.push_back({db::row_int(row, 0),
                       {row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                        row.get<std::string>(4), row.get<std::string>(5)}});
  });
  return batch;
}

int SmtpSender::deliver_pending() {
  if (settings_.url.empty()) return 0;
  const auto batch = claim_batch(db_, node_, clock_.now());
  int sent = 0;
  for (const auto& [id, mail] : batch) {
    Upload upload{
        format_message(mail, settings_.from, format_utc(clock_.now()), random_token(12) + "@brilliant"), 0};
    CURL* curl = curl_easy_init();
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + mail.to + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
    if (!settings_.user.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    const auto from = address_of(settings_.from);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    const auto at = format_utc(clock_.now());
    const std::string err = rc == CURLE_OK ? "" : curl_easy_strerror(rc);
    db_.write([&](soci::session& sql) {
      if (rc == CURLE_OK)
        sql << mark_sent, soci::use(at), soci::use(id);
      else
        sql << mark_failed, soci::use(err), soci::use(id);
    });
    if (rc == CURLE_OK)
      ++sent;
    else
      spdlog::warn("mail {} to {} not sent: {}", id, mail.to, err);
  }
  return sent;
}

}  // namespace brilliant::mail
