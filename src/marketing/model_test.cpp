#include "marketing/model.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::marketing {
namespace {

std::string reply(const std::string& content) {
  boost::json::object o{
      {"choices", boost::json::array{boost::json::object{
                      {"message", boost::json::object{{"role", "assistant"}, {"content", content}}}}}}};
  return boost::json::serialize(o);
}

const std::string copy_json_text =
    R"({"title_ko":"14K 반지","title_en":"14K Ring","description_ko":"설명","description_en":"A ring."})";

TEST(ModelAnswer, ReadsTheJsonObjectBareOrFenced) {
  for (const auto& content :
       {copy_json_text, "```json\n" + copy_json_text + "\n```", "Here you are: " + copy_json_text}) {
    auto d = read_model_answer(reply(content));
    ASSERT_TRUE(d) << d.error().message;
    EXPECT_EQ(d->ko.title, "14K 반지");
    EXPECT_EQ(d->en.description, "A ring.");
    EXPECT_EQ(d->en.seo_title, "14K Ring");
  }
}

TEST(ModelAnswer, WhatIsNotTheAnswerAskedForIsRefused) {
  for (const auto& bad : {std::string("not json"), std::string(R"({"choices":[]})"), reply("no object here"),
                          reply(R"({"title_ko":"x"})")}) {
    auto d = read_model_answer(bad);
    ASSERT_FALSE(d) << bad;
    EXPECT_EQ(d.error().code, "model_answer_invalid");
    EXPECT_EQ(d.error().field, "model");
  }
}

TEST(ModelRequest, CarriesTheModelAndTheFacts) {
  CopyFacts f;
  f.category = "ring";
  f.metal = "gold";
  f.purity = 585;
  f.weight_mg = 2450;
  f.stones = {{"diamond", "lab_grown", 1, 300}};
  auto body = boost::json::parse(model_request({"http://x", "local-model", "", 5}, f)).as_object();
  EXPECT_EQ(body.at("model"), "local-model");
  const auto& messages = body.at("messages").as_array();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(std::string(messages[0].at("content").as_string()).find("lab-grown"), std::string::npos);
  auto facts = boost::json::parse(messages[1].at("content").as_string()).as_object();
  EXPECT_EQ(facts.at("purity_per_mille"), 585);
  EXPECT_DOUBLE_EQ(facts.at("weight_g").as_double(), 2.45);
  EXPECT_EQ(facts.at("stones").as_array()[0].at("origin"), "lab_grown");
}

TEST(AskModel, NotConfiguredOrUnreachableIsAnError) {
  EXPECT_EQ(ask_model({}, {}).error().code, "model_not_configured");
  auto gone = ask_model({"http://127.0.0.1:1", "m", "", 2}, {});
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, "model_unreachable");
}

}  // namespace
}  // namespace brilliant::marketing
