#include "app/operator_home.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::app {

TEST(OperatorHome, CountsWithWhatIsWaitingAndLinksInTheLocale) {
  OperatorTodo todo;
  todo.transfers = 2;
  todo.low_stock = 1;
  todo.lowest.push_back({"moon-ring", "달 반지", "Moon Ring", "달빛 공방", "Moonlight Atelier", "MR-13", 1});
  const auto ko = todo_json(todo, "ko");
  EXPECT_EQ(ko.at("transfers").as_int64(), 2);
  EXPECT_TRUE(ko.at("waiting").at("transfers").as_bool());
  EXPECT_FALSE(ko.at("waiting").at("reviews").as_bool());
  EXPECT_TRUE(ko.at("waiting").at("low_stock").as_bool());
  EXPECT_FALSE(ko.at("waiting").as_object().contains("lowest"));  // only the counts
  EXPECT_EQ(ko.at("lowest").at(0).at("title").as_string(), "달 반지");
  EXPECT_EQ(ko.at("lowest").at(0).at("url").as_string(), "/products/moon-ring");
  const auto en = todo_json(todo, "en");
  EXPECT_EQ(en.at("lowest").at(0).at("title").as_string(), "Moon Ring");
  EXPECT_EQ(en.at("lowest").at(0).at("workshop").as_string(), "Moonlight Atelier");
  EXPECT_EQ(ko.at("lowest").at(0).at("workshop").as_string(), "달빛 공방");
  EXPECT_EQ(en.at("lowest").at(0).at("url").as_string(), "/en/products/moon-ring");
  todo.lowest.front().title_en.clear();  // no English title yet: the Korean one
  EXPECT_EQ(todo_json(todo, "en").at("lowest").at(0).at("title").as_string(), "달 반지");
}

}  // namespace brilliant::app
