#include "orders/delivery_rules.hpp"

#include <gtest/gtest.h>

namespace brilliant::orders {
namespace {

TEST(TrackingLinks, TheWaybillGoesWhereTheTemplateSays) {
  EXPECT_EQ(tracking_url("https://trace.example/t?no={tracking}&x=1", "123456789012"),
            "https://trace.example/t?no=123456789012&x=1");
  EXPECT_EQ(tracking_url("", "123"), "");
  EXPECT_EQ(tracking_url("https://trace.example/", "123"), "");
  EXPECT_EQ(check_tracking_template(" https://trace.example/{tracking} ").value(),
            "https://trace.example/{tracking}");
  EXPECT_EQ(check_tracking_template("").value(), "");
  EXPECT_EQ(check_tracking_template("javascript:alert(1)//{tracking}").error().field, "tracking_url");
  EXPECT_FALSE(check_tracking_template("https://trace.example/no-placeholder"));
  EXPECT_FALSE(check_tracking_template("https://trace.example/\"><script>{tracking}"));
}

TEST(CarrierExport, DeliveredRowsAreReadWhateverTheColumnsOrderAndLanguage) {
  auto read = read_carrier_export(
      "\xEF\xBB\xBF운송장번호,배송상태,택배사\n"
      "1234-5678-9012,배송완료,CJ대한통운\n"
      "2222 3333 4444,배송중,우체국택배\n"
      "5555666677,배달완료,한진택배\n"
      ",배송완료,롯데택배\n"
      "777788889999,배송완료,Unknown Express\n"
      ",,\n");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->delivered.size(), 2u);
  EXPECT_EQ(read->delivered[0].carrier, "cj");
  EXPECT_EQ(read->delivered[0].tracking, "123456789012");
  EXPECT_EQ(read->delivered[1].carrier, "hanjin");
  EXPECT_EQ(read->delivered[1].line, 4);
  EXPECT_EQ(read->other_rows, 1);
  ASSERT_EQ(read->refused.size(), 2u);
  EXPECT_EQ(read->refused[0], "line 5: no waybill number");
  EXPECT_NE(read->refused[1].find("unknown carrier"), std::string::npos);
  auto english = read_carrier_export("carrier,tracking,status\nlogen,98765432101,DELIVERED\n");
  ASSERT_TRUE(english.ok());
  EXPECT_EQ(english->delivered.at(0).carrier, "logen");
  EXPECT_EQ(read_carrier_export("a,b\n1,2\n").error().field, "file");
  EXPECT_EQ(read_carrier_export("carrier,tracking,status\n\"unclosed\n").error().field, "file");
}

TEST(CarrierNames, KoreanNamesAndCodesMeanTheSameCarrier) {
  EXPECT_EQ(carrier_code("CJ대한통운"), "cj");
  EXPECT_EQ(carrier_code("우체국택배"), "post");
  EXPECT_EQ(carrier_code("롯데택배"), "lotte");
  EXPECT_EQ(carrier_code(" LOGEN "), "logen");
  EXPECT_EQ(carrier_code("DHL"), "");
}

}  // namespace
}  // namespace brilliant::orders
