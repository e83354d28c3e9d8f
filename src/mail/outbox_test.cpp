#include "mail/outbox.hpp"

#include "db/database.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace brilliant::mail {

TEST(FormatMessage, EncodesKoreanSubjectAndUsesCrlf) {
  auto text = format_message({"a@b.example", "비밀번호 재설정", "line1\nline2"}, "Brilliant <no-reply@x>",
                             "Wed, 25 Nov 2026 10:00:00 GMT", "id@x");
  EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(text.find("To: a@b.example\r\n"), std::string::npos);
  EXPECT_NE(text.find("line1\r\nline2"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
}

TEST(FormatMessage, AnHtmlPartAndAOneClickUnsubscribe) {
  const std::string html = "<p>" + std::string(300, 'x') + "</p>";
  auto text =
      format_message({"a@b.example", "(광고) 겨울", "plain", html, "https://shop.example/c/T/unsubscribe"},
                     "f@x", "d", "abc@x");
  EXPECT_NE(text.find("List-Unsubscribe: <https://shop.example/c/T/unsubscribe>\r\n"), std::string::npos);
  EXPECT_NE(text.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: multipart/alternative; boundary=\"=_brilliant_abc\""),
            std::string::npos);
  EXPECT_NE(text.find("Content-Transfer-Encoding: base64"), std::string::npos);
  EXPECT_NE(text.find("\r\nplain\r\n--=_brilliant_abc\r\n"), std::string::npos);
  EXPECT_NE(text.find("--=_brilliant_abc--\r\n"), std::string::npos);
  size_t longest = 0;  // no line over SMTP's limit, however long the HTML's lines
  for (size_t start = 0, end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
    longest = std::max(longest, end - start);
  EXPECT_LE(longest, 100u);
}

TEST(FormatMessage, AsciiSubjectStaysPlain) {
  auto text = format_message({"a@b.example", "Hello", "x"}, "f@x", "d", "i@x");
  EXPECT_NE(text.find("Subject: Hello\r\n"), std::string::npos);
}

// A database with the outbox as the migrations leave it.
std::unique_ptr<db::Database> outbox_database(const std::filesystem::path& path) {
  auto db = db::Database::open("sqlite:" + path.string(), 1);
  db->write([](soci::session& s) {
    s << "CREATE TABLE outbox (id INTEGER PRIMARY KEY, to_address TEXT, subject TEXT, body_text TEXT, "
         "created_at TEXT, sent_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL "
         "DEFAULT "
         "'', body_html TEXT NOT NULL DEFAULT '', unsubscribe_url TEXT NOT NULL DEFAULT '', claimed_by TEXT "
         "NOT NULL DEFAULT '', claimed_until TEXT NOT NULL DEFAULT '')";
  });
  return db;
}

TEST(Outbox, EnqueueAndReadBack) {
  auto path = std::filesystem::temp_directory_path() / ("outbox-" + std::to_string(::getpid()) + ".db");
  {
    auto db = outbox_database(path);
    FixedClock clock(TimePoint{});
    db->write([&](soci::session& s) { enqueue(s, {"x@y.example", "S", "B"}, clock); });
    db->write([&](soci::session& s) {
      enqueue_many(s,
                   {{"m1@y.example", "S1", "B1", "<p>1</p>", "https://x/u/1"}, {"m2@y.example", "S2", "B2"}},
                   clock);
    });
    auto all = db->read([](soci::session& s) { return recent(s, 5); });
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].mail.to, "m2@y.example");  // newest first
    EXPECT_EQ(all[1].mail.subject, "S1");
    const std::vector<QueuedMail> mails{all.back()};  // the first one
    EXPECT_EQ(mails[0].mail.to, "x@y.example");
    EXPECT_EQ(mails[0].created_at, "1970-01-01T00:00:00Z");
    EXPECT_EQ(mails[0].sent_at, "");
    SmtpSender unconfigured(*db, clock, {});
    EXPECT_EQ(unconfigured.deliver_pending(), 0);
  }
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// Several nodes share the outbox: each claims a batch nobody else holds; a claim that ran out (its node
// died mid-batch) is taken over; sent mail is never claimed again.
TEST(Outbox, TwoNodesClaimDisjointBatchesAndTakeOverAnExpiredOne) {
  auto path =
      std::filesystem::temp_directory_path() / ("outbox-claims-" + std::to_string(::getpid()) + ".db");
  {
    auto db = outbox_database(path);
    FixedClock clock(TimePoint{} + std::chrono::hours(24 * 365 * 56));
    std::vector<Mail> mails;
    for (int i = 0; i < 30; ++i) mails.push_back({"m" + std::to_string(i) + "@y.example", "S", "B"});
    db->write([&](soci::session& s) { enqueue_many(s, mails, clock); });
    const auto first = claim_batch(*db, "node-1", clock.now());
    const auto second = claim_batch(*db, "node-2", clock.now());
    ASSERT_EQ(first.size(), 20u);
    ASSERT_EQ(second.size(), 10u);
    for (const auto& [id, mail] : second)
      for (const auto& [other, _] : first) EXPECT_NE(id, other) << "mail " << id << " claimed twice";
    EXPECT_TRUE(claim_batch(*db, "node-3", clock.now()).empty()) << "everything is held";
    // node-2 sends its ten; node-1 dies holding twenty. Five minutes on, node-3 takes those over.
    db->write([&](soci::session& s) { s << "UPDATE outbox SET sent_at = 'x' WHERE claimed_by = 'node-2'"; });
    clock.advance(std::chrono::seconds(301));
    const auto taken_over = claim_batch(*db, "node-3", clock.now());
    EXPECT_EQ(taken_over.size(), 20u);
    for (const auto& [id, mail] : taken_over)
      EXPECT_TRUE(std::any_of(first.begin(), first.end(), [&](const auto& f) { return f.first == id; }));
  }
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

}  // namespace brilliant::mail
