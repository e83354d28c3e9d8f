#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace brilliant {

TEST(Csv, ParsesQuotedFieldsNewlinesAndLineNumbers) {
  auto rows =
      parse_csv("\xEF\xBB\xBFslug,title\r\nring,\"Moon, \"\"full\"\"\"\r\n\r\nchain,\"two\nlines\"\nlast,x");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"slug", "title"}));
  EXPECT_EQ((*rows)[1].fields[1], "Moon, \"full\"");
  EXPECT_EQ((*rows)[1].line, 2);
  EXPECT_EQ((*rows)[2].fields[1], "two\nlines");
  EXPECT_EQ((*rows)[2].line, 4);
  EXPECT_EQ((*rows)[3].line, 6);
  EXPECT_EQ((*rows)[3].fields[1], "x");
}

TEST(Csv, EmptyFieldsAndTrailingCommasCount) {
  auto rows = parse_csv("a,,c,\n");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"a", "", "c", ""}));
}

TEST(Csv, RefusesBrokenQuotingAndBadBytesWithTheLine) {
  EXPECT_EQ(parse_csv("a,b\nc,\"open").error().message, "line 2: a quoted field is not closed");
  EXPECT_NE(parse_csv("a,b\"c\"\n").error().message.find("line 1"), std::string::npos);
  EXPECT_NE(parse_csv("\"a\"b\n").error().message.find("after a closing quote"), std::string::npos);
  EXPECT_EQ(parse_csv("a\xff\n").error().code, "csv_invalid");
  EXPECT_EQ(parse_csv("a\nb\nc\n", 2).error().code, "csv_too_long");
}

TEST(Csv, WritesWhatItReadsAndDefusesFormulas) {
  const std::vector<std::string> fields{"plain", "with, comma", "say \"hi\"", "two\nlines", "", "-12.5"};
  auto rows = parse_csv(csv_line(fields) + csv_line({"=SUM(A1)", "@x"}));
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].fields, fields);
  EXPECT_EQ((*rows)[1].fields[0], "'=SUM(A1)");
  EXPECT_EQ((*rows)[1].fields[1], "'@x");
  EXPECT_EQ(csv_value((*rows)[1].fields[0]), "=SUM(A1)");
  EXPECT_EQ(csv_value("'plain"), "'plain");
}

TEST(Csv, ValuesStartingWithAnApostropheReadBackWhole) {
  // A title may itself open with an apostrophe, before a formula's first character or not.
  const std::vector<std::string> fields{"'90s ring", "'=not a formula", "''-dash", "'", "'-12.5", "''"};
  auto rows = parse_csv(csv_line(fields));
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> back;
  for (const auto& field : (*rows)[0].fields) back.push_back(csv_value(field));
  EXPECT_EQ(back, fields);
  // Written so that a spreadsheet shows it as text, one apostrophe more than the value has.
  EXPECT_EQ(csv_field("'=x"), "\"''=x\"");
  EXPECT_EQ(csv_field("'90s ring"), "'90s ring");
}

}  // namespace brilliant
