#include "payments/deposit_views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::payments {
namespace {

namespace json = boost::json;

TEST(DepositViews, TheBoardGroupsDepositsByHowSureTheirMatchIs) {
  DepositBoard b;
  b.open = {{1, 1, 4, "2026-11-28 10:00", "김민지", "", 35000, "open", "", "", "", ""},
            {2, 1, 5, "2026-11-28 11:00", "이자", "", 321, "open", "", "", "", ""}};
  b.matches = {{Confidence::certain, {{"BR-261128-AAAAAAAA", NameMatch::same, false}}}, {}};
  orders::Order o;
  o.number = "BR-261128-AAAAAAAA";
  o.total = 35000;
  o.customer_name = "김민지";
  o.address.recipient = "김민지";
  o.created_at = "2026-11-28T00:30:00Z";
  b.orders[o.number] = o;
  b.decided = {{3, 1, 6, "2026-11-27 09:00", "박서준", "", 58000, "confirmed", "BR-261127-BBBBBBBB",
                "2026-11-27T01:00:00Z", "운영자", ""}};
  b.unpaid_orders = 1;
  const auto t = [](const std::string& key) { return "[" + key + "]"; };
  const auto out = board_json(b, "ko", t);
  EXPECT_EQ(out.at("open").as_int64(), 2);
  EXPECT_EQ(out.at("certain").as_int64(), 1);
  EXPECT_EQ(out.at("unmatched").as_int64(), 1);
  const auto& certain = out.at("groups").at("certain").as_array().at(0).as_object();
  EXPECT_EQ(certain.at("depositor").as_string(), "김민지");
  EXPECT_EQ(certain.at("amount_text").as_string(), "35,000원");
  const auto& c = certain.at("candidates").as_array().at(0).as_object();
  EXPECT_EQ(c.at("number").as_string(), "BR-261128-AAAAAAAA");
  EXPECT_EQ(c.at("why").as_string(), "same");
  EXPECT_EQ(c.at("why_text").as_string(), "[deposits.why.same]");
  EXPECT_EQ(c.at("url").as_string(), "/orders/BR-261128-AAAAAAAA");
  const auto& decided = out.at("decided").as_array().at(0).as_object();
  EXPECT_EQ(decided.at("order").as_string(), "BR-261127-BBBBBBBB");
  EXPECT_EQ(decided.at("decided_by").as_string(), "운영자");
  EXPECT_FALSE(out.at("groups").at("none").as_array().at(0).as_object().contains("order"));
}

TEST(DepositViews, AnImportSaysWhatWasNewAndWhatWasRefused) {
  const auto out = import_json({9, 2, 1, 3, {"line 4: no depositor"}});
  EXPECT_EQ(out.at("deposits_new").as_int64(), 2);
  EXPECT_EQ(out.at("deposits_known").as_int64(), 1);
  EXPECT_EQ(out.at("withdrawals").as_int64(), 3);
  EXPECT_EQ(out.at("refused").as_array().at(0).as_string(), "line 4: no depositor");
}

}  // namespace
}  // namespace brilliant::payments
