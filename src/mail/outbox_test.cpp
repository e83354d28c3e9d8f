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

TEST(Outbox, EnqueueAndReadBack) {
  auto path = std::filesystem::temp_directory_path() / ("outbox-" + std::to_string(::getpid()) + ".db");
  {
    auto db = db::Database::open("sqlite:" + path.string(), 1);
    db->write([](soci::session& s) {
      s << "CREATE TABLE outbox (id INTEGER PRIMARY KEY, to_address TEXT, subject TEXT, body_text TEXT, "
           "created_at TEXT,"
           " sent_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', "
           "body_html "
           "TEXT NOT NULL DEFAULT '', unsubscribe_url TEXT NOT NULL DEFAULT '')";
    });
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

}  // namespace brilliant::mail
