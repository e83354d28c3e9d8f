#include "media/spreadsheet.hpp"

#include <gtest/gtest.h>

#include "media/zip.hpp"

namespace brilliant::media {
namespace {

// A workbook as Excel writes one: a shared string with a phonetic guide, an inline string, a number, a
// skipped cell, the sheet found through the workbook's relationships.
std::string workbook() {
  const std::string workbook_xml =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="거래내역" sheetId="1" r:id="rId7"/></sheets></workbook>)";
  const std::string rels =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/></Relationships>)";
  const std::string strings =
      R"(<sst><si><t>거래일시</t></si><si><r><t>입금</t></r><r><t>자</t></r><rPh><t>にゅうきん</t></rPh></si><si><t>김민지</t></si></sst>)";
  const std::string sheet =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>입금액</t></is></c></row><row r="3"><c r="A3"><v>46356.5</v></c><c r="B3" t="s"><v>2</v></c><c r="D3"><v>35000</v></c></row></sheetData></worksheet>)";
  return zip_files({{"xl/workbook.xml", workbook_xml},
                    {"xl/_rels/workbook.xml.rels", rels},
                    {"xl/sharedStrings.xml", strings},
                    {"xl/worksheets/data.xml", sheet}})
      .value();
}

TEST(Spreadsheet, AWorkbooksFirstSheetReadsAsRowsOfText) {
  auto rows = read_table(workbook());
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"거래일시", "입금자", "", "입금액"}));
  EXPECT_EQ((*rows)[1].line, 3);
  EXPECT_EQ((*rows)[1].fields, (std::vector<std::string>{"46356.5", "김민지", "", "35000"}));
}

TEST(Spreadsheet, CsvInUtf8OrCp949ReadsTheSame) {
  const std::string utf8 = "입금자,입금액\n김민지,35000\n";
  auto a = read_table(utf8);
  ASSERT_TRUE(a.ok());
  // The same text as a Korean bank's older export writes it (EUC-KR bytes for 입금자 and 김민지).
  const std::string cp949 =
      "\xc0\xd4\xb1\xdd\xc0\xda,\xc0\xd4\xb1\xdd\xbe\xd7\n\xb1\xe8\xb9\xce\xc1\xf6,35000\n";
  auto b = read_table(cp949);
  ASSERT_TRUE(b.ok()) << b.error().message;
  ASSERT_EQ(b->size(), 2u);
  EXPECT_EQ((*a)[1].fields, (*b)[1].fields);
  EXPECT_EQ((*b)[0].fields[0], "입금자");
}

TEST(Spreadsheet, WhatIsNeitherIsRefusedNamingTheFile) {
  const auto broken_zip = read_table(std::string("PK\x03\x04") + " not really a zip");
  ASSERT_FALSE(broken_zip.ok());
  EXPECT_EQ(broken_zip.error().field, "file");
  const auto no_sheet = read_table(zip_files({{"hello.txt", "hi"}}).value());
  ASSERT_FALSE(no_sheet.ok());
  EXPECT_EQ(no_sheet.error().field, "file");
  const auto binary = read_table(std::string("\xff\xfe\x00\x01\x80\x81", 6));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.error().field, "file");
  const auto unclosed = read_table("a,\"b\n");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().field, "file");
}

TEST(Spreadsheet, TooManyRowsAreRefused) {
  std::string csv;
  for (int i = 0; i < 12; ++i) csv += "a,b\n";
  EXPECT_FALSE(read_table(csv, 10).ok());
  EXPECT_TRUE(read_table(csv, 12).ok());
}

TEST(Spreadsheet, ExcelDayNumbersAreDates) {
  EXPECT_EQ(excel_date("25569"), "1970-01-01 00:00:00");
  EXPECT_EQ(excel_date("46355.5"), "2026-11-29 12:00:00");
  EXPECT_EQ(excel_date("45658.75"), "2025-01-01 18:00:00");
  EXPECT_FALSE(excel_date("2026-11-29").has_value());
  EXPECT_FALSE(excel_date("-3").has_value());
  EXPECT_FALSE(excel_date("").has_value());
}

}  // namespace
}  // namespace brilliant::media
