// Bank-transfer deposits end to end on both databases: the shopper names the depositor and asks for a
// cash receipt at checkout (a bad receipt number is a 400 naming it), the operator uploads the bank's
// statement (twice: each deposit kept once), finds the deposit matched to the order, confirms it, and the
// order is paid once; the shopper sees it paid; nobody but the operator reaches the deposits.
#include <boost/json.hpp>

#include "http/shop_testing.hpp"
#include "media/zip.hpp"

namespace brilliant::test {
namespace json = boost::json;

class DepositsHttp : public ShopTest {
 protected:
  // The deposit of the statement that names this order, from the operator's board.
  static json::object deposit_for(const json::value& board, const std::string& number) {
    for (const auto* group : {"certain", "likely", "ambiguous", "none"})
      for (const auto& d : board.at("groups").at(group).as_array())
        for (const auto& c : d.at("candidates").as_array())
          if (c.at("number").as_string() == number) {
            auto out = d.as_object();
            out["group"] = group;
            return out;
          }
    return {};
  }
};

TEST_F(DepositsHttp, AStatementsDepositPaysItsOrderOnce) {
  const auto shop = own_workshop("deposit", "입금 공방", "Deposit Atelier");
  const auto ring = own_ring(shop, "Deposit Ring", 3);
  auto c = signed_up(unique_email("deposit"));
  add_to_cart(*c, ring.variants.at(0).id);
  const auto with_transfer = [](const std::string& receipt_id) {
    return address_json() + R"(,"depositor":"한빛상사","cash_receipt":"expense","cash_receipt_id":")" +
           receipt_id + R"("})";
  };
  auto bad = c->request("POST", "/api/v1/orders", with_transfer("123-45-67890"), json_headers(*c, "dep-1"));
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("cash_receipt_id"), std::string::npos);
  auto placed =
      c->request("POST", "/api/v1/orders", with_transfer("220-81-62517"), json_headers(*c, "dep-2"));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto order = json::parse(placed.body);
  const std::string number(order.at("number").as_string());
  const auto total = order.at("total").as_int64();
  EXPECT_EQ(order.at("transfer").at("depositor").as_string(), "한빛상사");
  EXPECT_EQ(order.at("transfer").at("cash_receipt_id").as_string(), "220-81-62517");
  const auto page = c->get("/orders/" + number);
  EXPECT_NE(page.body.find("한빛상사"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"cash-receipt\""), std::string::npos);

  // The bank's export as a workbook, with the order's number typed after the name.
  const auto tail = number.substr(number.rfind('-') + 1);
  const std::string sheet =
      R"(<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>거래일시</t></is></c><c t="inlineStr"><is><t>기재내용</t></is></c><c t="inlineStr"><is><t>입금액</t></is></c></row><row r="2"><c t="inlineStr"><is><t>2026-11-28 10:00</t></is></c><c t="inlineStr"><is><t>한빛상사 )" +
      tail + R"(</t></is></c><c><v>)" + std::to_string(total) +
      R"(</v></c></row><row r="3"><c t="inlineStr"><is><t>2026-11-28 10:01</t></is></c><c t="inlineStr"><is><t>예금이자</t></is></c><c><v>7</v></c></row></sheetData></worksheet>)";
  const auto xlsx = media::zip_files({{"xl/worksheets/sheet1.xml", sheet}}).value();
  auto op = logged_in(web::Role::operator_);
  for (int upload = 0; upload < 2; ++upload) {
    auto up = op->request("POST", "/api/v1/operator/deposits/statements?name=bank.xlsx", xlsx,
                          {"Content-Type: application/octet-stream", "X-CSRF-Token: " + op->cookie("csrf")});
    ASSERT_EQ(up.status, 201) << up.body;
    EXPECT_EQ(json::parse(up.body).at("deposits_new").as_int64(), upload == 0 ? 2 : 0);
  }
  auto board = call(*op, "GET", "/api/v1/operator/deposits");
  ASSERT_EQ(board.status, 200) << board.body;
  const auto deposit = deposit_for(json::parse(board.body), number);
  ASSERT_FALSE(deposit.empty()) << board.body;
  EXPECT_EQ(deposit.at("group").as_string(), "certain");
  EXPECT_EQ(deposit.at("amount").as_int64(), total);
  const auto id = std::to_string(deposit.at("id").as_int64());
  auto shown = op->get("/operator/deposits");
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find(number), std::string::npos);

  // Only the operator: a shopper is refused, a stranger to the session too.
  EXPECT_EQ(call(*c, "GET", "/api/v1/operator/deposits").status, 403);
  EXPECT_EQ(call(*c, "POST", "/api/v1/operator/deposits/" + id + "/confirmation",
                 R"({"order":")" + number + R"("})")
                .status,
            403);

  auto paid = call(*op, "POST", "/api/v1/operator/deposits/" + id + "/confirmation",
                   R"({"order":")" + number + R"("})");
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(json::parse(paid.body).at("status").as_string(), "paid");
  auto again = call(*op, "POST", "/api/v1/operator/deposits/" + id + "/confirmation",
                    R"({"order":")" + number + R"("})");
  EXPECT_EQ(again.status, 409) << again.body;
  auto mine = call(*c, "GET", "/api/v1/orders/" + number);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(json::parse(mine.body).at("status").as_string(), "paid");
  auto after = json::parse(call(*op, "GET", "/api/v1/operator/deposits").body);
  EXPECT_TRUE(deposit_for(after, number).empty());
  bool decided = false;
  for (const auto& d : after.at("decided").as_array())
    decided = decided ||
              (d.at("id").as_int64() == deposit.at("id").as_int64() && d.at("order").as_string() == number);
  EXPECT_TRUE(decided);
  // Nothing certain is left of this statement; the interest is set aside with a note.
  auto certain = call(*op, "POST", "/api/v1/operator/deposits/confirm-certain");
  ASSERT_EQ(certain.status, 200) << certain.body;
  long long interest = 0;
  const auto left = json::parse(certain.body);
  for (const auto& d : left.at("board").at("groups").at("none").as_array())
    if (d.at("depositor").as_string() == "예금이자") interest = d.at("id").as_int64();
  ASSERT_NE(interest, 0);
  const auto aside = "/api/v1/operator/deposits/" + std::to_string(interest) + "/set-aside";
  EXPECT_EQ(call(*op, "POST", aside, R"({"note":""})").status, 400);
  auto kept = call(*op, "POST", aside, R"({"note":"예금 이자"})");
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(json::parse(kept.body).at("status").as_string(), "set_aside");
}

TEST_F(DepositsHttp, AStatementThatIsNoneIsRefusedNamingTheFile) {
  auto op = logged_in(web::Role::operator_);
  auto up = op->request("POST", "/api/v1/operator/deposits/statements", "hello,world\n1,2\n",
                        {"Content-Type: text/csv", "X-CSRF-Token: " + op->cookie("csrf")});
  EXPECT_EQ(up.status, 400);
  EXPECT_NE(up.body.find("\"file\""), std::string::npos);
  auto pasted =
      op->post_form("/operator/deposits/import", {{"_csrf", op->cookie("csrf")}, {"csv", "a,b\n1,2\n"}});
  EXPECT_EQ(pasted.status, 400);
  EXPECT_NE(pasted.body.find("csv-error"), std::string::npos);
  EXPECT_NE(pasted.body.find(">a,b\n1,2\n</textarea>"), std::string::npos);  // what was pasted stays
}

}  // namespace brilliant::test
