// Campaign rules: the law's "(광고)" and quiet hours, the A/B split, the significance test, and the text.
#include "marketing/campaign_rules.hpp"
#include "core/testing.hpp"

#include <gtest/gtest.h>

namespace brilliant::marketing {
namespace {

TEST(CampaignRules, AdvertisingMailSaysSoAndWaitsForTheMorning) {
  EXPECT_EQ(ad_subject(" 겨울 신상 "), "(광고) 겨울 신상");
  EXPECT_EQ(ad_subject("(광고) 이미 붙음"), "(광고) 이미 붙음");
  // 10:00 Seoul is 01:00 UTC: send now.
  EXPECT_EQ(format_utc(sending_window(at("2026-12-01T01:00:00Z"))), "2026-12-01T01:00:00Z");
  // 21:30 Seoul (12:30 UTC): the next morning at 08:00 Seoul (23:00 UTC the same UTC day).
  EXPECT_EQ(format_utc(sending_window(at("2026-12-01T12:30:00Z"))), "2026-12-01T23:00:00Z");
  // 03:00 Seoul (18:00 UTC the day before): 08:00 the same Seoul day.
  EXPECT_EQ(format_utc(sending_window(at("2026-11-30T18:00:00Z"))), "2026-11-30T23:00:00Z");
  // 20:59 Seoul still goes.
  EXPECT_EQ(format_utc(sending_window(at("2026-12-01T11:59:00Z"))), "2026-12-01T11:59:00Z");
}

TEST(CampaignRules, VariantsSplitAboutEvenlyAndRepeatably) {
  int b = 0;
  for (int i = 0; i < 10000; ++i) b += variant_of("token-" + std::to_string(i)) == 'b';
  EXPECT_NEAR(b, 5000, 300);
  EXPECT_EQ(variant_of("same"), variant_of("same"));
  EXPECT_EQ(variant_of("anything", 0), 'a');
}

TEST(CampaignRules, TheTwoProportionTest) {
  // 200 of 1,000 against 250 of 1,000: z = 2.68, p = 0.0073 (two-sided).
  EXPECT_NEAR(two_proportion_p(200, 1000, 250, 1000), 0.0073, 0.0005);
  EXPECT_NEAR(two_proportion_p(20, 100, 22, 100), 0.73, 0.01);  // too few to tell
  EXPECT_EQ(two_proportion_p(0, 0, 5, 10), 1.0);
  EXPECT_EQ(two_proportion_p(0, 10, 0, 10), 1.0);
}

TEST(CampaignRules, InputIsCheckedAndTheTextPersonalised) {
  CampaignInput in{.name = "겨울",
                   .subject_a = "겨울 신상",
                   .body_a = "{name} 님,\n안녕하세요.\n\n새 반지를 소개합니다.",
                   .link_path = "/shop?category=ring",
                   .segment_id = 3};
  auto ok = check_campaign(in);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_TRUE(ok->subject_b.empty());
  auto b_text = in;
  b_text.body_b = "다른 본문";
  EXPECT_EQ(check_campaign(b_text)->subject_b, "겨울 신상");  // a test of the text only
  const auto field = [&](auto change) {
    auto x = in;
    change(x);
    auto r = check_campaign(x);
    return r.ok() ? std::string("ok") : r.error().field;
  };
  EXPECT_EQ(field([](CampaignInput& x) { x.link_path = "https://evil.example"; }), "link_path");
  EXPECT_EQ(field([](CampaignInput& x) { x.link_path = "//evil.example"; }), "link_path");
  EXPECT_EQ(field([](CampaignInput& x) { x.subject_a = ""; }), "subject_a");
  EXPECT_EQ(field([](CampaignInput& x) { x.segment_id = 0; }), "segment_id");
  EXPECT_EQ(field([](CampaignInput& x) { x.scheduled_at = "tomorrow"; }), "scheduled_at");
  auto scheduled = in;
  scheduled.scheduled_at = "2026-12-02T10:00";
  EXPECT_EQ(check_campaign(scheduled)->scheduled_at, "2026-12-02T01:00:00Z");  // Seoul time
  EXPECT_EQ(paragraphs(in.body_a, "김지민"),
            (std::vector<std::string>{"김지민 님,\n안녕하세요.", "새 반지를 소개합니다."}));
}

}  // namespace
}  // namespace brilliant::marketing
