// For B2B's tests: the orders fixture (shopper 1 becomes the buyer, operator 2, user 3 makes pieces at
// workshop 1 "w1" whose moon-ring has 2 in stock; sun-chain and the made-to-order sun-cuff are workshop
// 2's), with B2B on top, the buyer's application approved, and reminder mails that name their quote.
#pragma once
#include "b2b/b2b.hpp"
#include "b2b/repo.hpp"
#include "mail/outbox.hpp"
#include "orders/testing.hpp"

namespace brilliant::b2b {

class B2bFixture : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    db->write([](soci::session& s) {
      s << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (3, 'vendor_staff', 1, "
           "'x')";
    });
    b2b.set_reminder_mail([](const Quote& q, const std::string& email, const std::string& locale) {
      return mail::Mail{email, locale + " reminder " + q.number, q.title_en};
    });
    ASSERT_TRUE(b2b.apply(buyer, {"Siam Gems", "TH", "", ""}).ok());
    ASSERT_TRUE(b2b.decide(buyer, "approved", op).ok());
  }
  // A quote on moon-ring (workshop 1) answered and sent by its maker: 90,000 won, at least `min`.
  Quote sent_quote(int quantity = 2, long long min = 1) {
    auto q = b2b.request(buyer, {"moon-ring", 0, quantity, "for our Bangkok shop", ""});
    EXPECT_TRUE(q.ok());
    auto a = b2b.answer(1, q->number, {90000, min, 0, 14, "ex works"}, true, maker);
    EXPECT_TRUE(a.ok()) << a.error().message;
    return *a;
  }
  Ordering ordering(const std::string& key, long long quantity = 0) {
    return {{"Siam Gems 서울 지사", "01012345678", "04524", "서울시 중구 세종대로 1", "", ""},
            quantity,
            key,
            "en"};
  }
  long long count(const std::string& query) {
    long long n = 0;
    db->read([&](soci::session& s) { s << query, soci::into(n); });
    return n;
  }

  const long long buyer = 1, op = 2, maker = 3;
  B2b b2b{*db, clock, catalog, orders};
};

}  // namespace brilliant::b2b
