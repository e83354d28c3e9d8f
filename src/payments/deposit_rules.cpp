#include "payments/deposit_rules.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>

#include "core/text.hpp"
#include "media/spreadsheet.hpp"

namespace brilliant::payments {

namespace {

std::string encode(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool hangul(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
bool letter(char32_t c) {
  return hangul(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x3131;
}

void erase_all(std::u32string& text, std::u32string_view part) {
  for (auto at = text.find(part); at != std::u32string::npos; at = text.find(part))
    text.erase(at, part.size());
}

// Hangul syllables weigh two, other letters one: "민지" and "mink" are both long enough to stand alone.
size_t weight(std::u32string_view text) {
  size_t w = 0;
  for (char32_t c : text) w += hangul(c) ? 2 : 1;
  return w;
}

// A header cell reduced to compare with the names below: no spaces, nothing in brackets, lower case.
std::string header_key(std::string_view cell) {
  std::string out;
  int depth = 0;
  for (char c : ascii_lower(trim(cell))) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0 && c != ' ' && c != '_' && c != '\t') out += c;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  return out;
}

struct Columns {
  int date = -1, time = -1, depositor = -1, amount = -1, withdrawal = -1, balance = -1, memo = -1;
};

int find_column(const std::vector<std::string>& keys, std::initializer_list<std::string_view> names) {
  for (auto name : names)
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == name) return static_cast<int>(i);
  return -1;
}

Columns columns_of(const std::vector<std::string>& cells) {
  std::vector<std::string> keys;
  for (const auto& cell : cells) keys.push_back(header_key(cell));
  Columns c;
  c.date = find_column(keys, {"거래일시", "거래일자", "거래일", "입금일시", "입금일자", "거래날짜", "일시",
                              "일자", "날짜", "date", "datetime", "transactiondate"});
  c.time = find_column(keys, {"거래시간", "시간", "시각", "time"});
  c.depositor = find_column(
      keys, {"입금자명", "입금자", "보낸분", "보낸사람", "의뢰인", "depositor", "sender", "name"});
  const int description =
      find_column(keys, {"기재내용", "적요", "거래내용", "내용", "통장표시내용", "description"});
  if (c.depositor < 0) c.depositor = description;
  c.amount = find_column(keys, {"입금액", "입금금액", "맡기신금액", "입금", "deposit", "credit", "amount"});
  c.withdrawal = find_column(keys, {"출금액", "출금금액", "찾으신금액", "출금", "withdrawal", "debit"});
  c.balance = find_column(keys, {"거래후잔액", "잔액", "잔고", "balance"});
  for (auto name : {"메모", "비고", "memo", "note", "기재내용", "적요", "거래내용", "내용", "description"}) {
    const int at = find_column(keys, {name});
    if (at >= 0 && at != c.depositor) return c.memo = at, c;
  }
  return c;
}

std::string cell(const CsvRow& row, int column) {
  return column >= 0 && static_cast<size_t>(column) < row.fields.size()
             ? std::string(trim(row.fields[static_cast<size_t>(column)]))
             : std::string();
}

// Won in a cell ("35,000", "35000원", "35000.00"); 0 for an empty cell or "-"; nothing when not money.
std::optional<long long> won(std::string text) {
  std::erase(text, ' ');
  if (text.ends_with("원")) text.resize(text.size() - std::string_view("원").size());
  if (text.empty() || text == "-") return 0;
  const auto hundredths = parse_scaled(text, 2);
  if (!hundredths || *hundredths % 100 != 0) return std::nullopt;
  return *hundredths / 100;
}

// Numbers in text ("2026.11.28 14:03:12" -> 2026 11 28 14 3 12; "20261128" -> 2026 11 28).
std::vector<int> number_groups(std::string_view text) {
  std::vector<std::string> groups(1);
  for (char c : text) {
    if (c >= '0' && c <= '9')
      groups.back() += c;
    else if (!groups.back().empty())
      groups.emplace_back();
  }
  if (groups.back().empty()) groups.pop_back();
  if (groups.size() == 1 && groups[0].size() == 6)
    groups = {groups[0].substr(0, 2), groups[0].substr(2, 2), groups[0].substr(4, 2)};  // a time, HHMMSS
  if (groups.size() == 1 && (groups[0].size() == 8 || groups[0].size() == 14)) {
    const auto g = groups[0];
    groups = {g.substr(0, 4), g.substr(4, 2), g.substr(6, 2)};
    if (g.size() == 14) groups.insert(groups.end(), {g.substr(8, 2), g.substr(10, 2), g.substr(12, 2)});
  }
  std::vector<int> out;
  for (const auto& g : groups)
    if (g.size() <= 4)
      out.push_back(std::stoi(g));
    else
      return {};
  return out;
}

std::optional<std::string> date_text(const std::string& date, const std::string& time) {
  if (auto serial = media::excel_date(date)) {
    if (serial->ends_with(" 00:00:00") && !time.empty())
      serial->resize(10);
    else
      return *serial;
  }
  auto n = number_groups(date);
  const auto t = number_groups(time);
  if (n.size() == 3 && (t.size() == 2 || t.size() == 3)) n.insert(n.end(), t.begin(), t.end());
  if (n.size() < 3 || n.size() > 6 || n[0] < 2000 || n[0] > 2100 || n[1] < 1 || n[1] > 12 || n[2] < 1 ||
      n[2] > 31)
    return std::nullopt;
  char out[64];
  int length = std::snprintf(out, sizeof out, "%04d-%02d-%02d", n[0], n[1], n[2]);
  if (n.size() >= 5 && n[3] < 24 && n[4] < 60)
    length += std::snprintf(out + length, sizeof out - static_cast<size_t>(length), " %02d:%02d", n[3], n[4]);
  if (n.size() == 6 && n[5] < 60 && length > 10)
    std::snprintf(out + length, sizeof out - static_cast<size_t>(length), ":%02d", n[5]);
  return std::string(out);
}

bool summary_row(const CsvRow& row) {
  for (const auto& f : row.fields)
    if (f.find("합계") != std::string::npos || f.find("소계") != std::string::npos ||
        iequals(trim(f), "total"))
      return true;
  return false;
}

bool empty_row(const CsvRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return trim(f).empty(); });
}

// Reads one row under the header; false when it is no deposit (counted or refused on the way).
bool read_row(const CsvRow& row, const Columns& c, Statement& out, std::map<std::string, int>& seen) {
  if (empty_row(row)) return false;
  const auto in = won(cell(row, c.amount));
  const auto out_money = won(cell(row, c.withdrawal));
  const auto line = "line " + std::to_string(row.line) + ": ";
  if (!in)
    return out.refused.push_back(line + "the amount \"" + cell(row, c.amount) + "\" is not money"), false;
  const auto at = date_text(cell(row, c.date), cell(row, c.time));
  if (!at) {
    if (!summary_row(row)) out.refused.push_back(line + "no date the bank's formats allow");
    return false;
  }
  if (*in <= 0 || (out_money && *out_money > 0)) return ++out.withdrawals, false;
  StatementDeposit d{row.line, *at, cell(row, c.depositor), cell(row, c.memo), *in, {}};
  if (d.depositor.empty()) return out.refused.push_back(line + "no depositor"), false;
  const auto key = d.at + "|" + d.depositor + "|" + std::to_string(d.amount) + "|" + cell(row, c.balance);
  d.fingerprint = key + "|" + std::to_string(seen[key]++);
  out.deposits.push_back(std::move(d));
  return true;
}

int score(const Candidate& c) {
  return c.number_typed ? 3 : c.name == NameMatch::same ? 2 : c.name == NameMatch::similar ? 1 : 0;
}

// The deposit's text holds the order's number or its last part (what a shopper types in the memo).
bool number_typed(const StatementDeposit& d, const std::string& number) {
  auto squeeze = [](std::string_view text) {
    std::string out;
    for (char c : text)
      if (c != ' ' && c != '-') out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    return out;
  };
  const auto tail = number.substr(number.rfind('-') + 1);
  return tail.size() >= 6 && squeeze(d.depositor + " " + d.memo).find(squeeze(tail)) != std::string::npos;
}

Match match_one(const StatementDeposit& d, const std::vector<OpenOrder>& orders) {
  Match m;
  for (const auto& o : orders) {
    if (o.total != d.amount) continue;
    Candidate c{o.number, NameMatch::none, number_typed(d, o.number)};
    for (const auto& name : o.names) c.name = std::max(c.name, compare_names(d.depositor, name));
    m.candidates.push_back(std::move(c));
  }
  std::stable_sort(m.candidates.begin(), m.candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return score(a) > score(b); });
  if (m.candidates.empty()) return m;
  const int best = score(m.candidates.front());
  const auto tied = std::count_if(m.candidates.begin(), m.candidates.end(),
                                  [&](const Candidate& c) { return score(c) == best; });
  if (best > 0 && tied == 1) {
    m.candidates.resize(1);
    m.confidence = best >= 2 ? Confidence::certain : Confidence::likely;
    return m;
  }
  if (best > 0) m.candidates.resize(static_cast<size_t>(tied));
  if (m.candidates.size() > 6) m.candidates.resize(6);
  m.confidence = Confidence::ambiguous;
  return m;
}

}  // namespace

Result<Statement> read_statement(const std::vector<CsvRow>& rows) {
  for (size_t h = 0; h < rows.size() && h < 20; ++h) {
    const auto c = columns_of(rows[h].fields);
    if (c.date < 0 || c.depositor < 0 || c.amount < 0) continue;
    Statement out;
    std::map<std::string, int> seen;
    for (size_t i = h + 1; i < rows.size(); ++i) read_row(rows[i], c, out, seen);
    return out;
  }
  return Error::invalid(
      "file", "statement_unreadable",
      "no header row with a date (거래일시), a depositor (입금자명 or 기재내용) and a deposit "
      "amount (입금액) in the first 20 rows");
}

std::string normal_name(std::string_view name) {
  if (!valid_utf8(name)) return {};
  auto text = utf8_decode(name);
  for (std::u32string_view part : {U"주식회사", U"유한회사", U"(주)", U"(유)", U"㈜"}) erase_all(text, part);
  std::vector<std::u32string> words(1);
  bool latin_only = true;
  for (char32_t c : text) {
    if (!letter(c)) {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    if (c >= 'A' && c <= 'Z') c += 32;
    latin_only = latin_only && c < 0x80;
    words.back() += c;
  }
  if (words.back().empty()) words.pop_back();
  if (latin_only) std::sort(words.begin(), words.end());
  std::u32string joined;
  for (const auto& w : words) joined += w;
  if (joined.size() > 2 && joined.back() == U'님') joined.pop_back();
  return encode(joined);
}

NameMatch compare_names(std::string_view depositor, std::string_view name) {
  const auto a = utf8_decode(normal_name(depositor)), b = utf8_decode(normal_name(name));
  if (a.empty() || b.empty()) return NameMatch::none;
  if (a == b) return NameMatch::same;
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  if (weight(shorter) >= 4 && longer.find(shorter) != std::u32string::npos) return NameMatch::similar;
  if (a.size() == b.size() && a.size() >= 3) {
    size_t differ = 0;
    for (size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
    if (differ == 1) return NameMatch::similar;
  }
  return NameMatch::none;
}

std::vector<Match> match_deposits(const std::vector<StatementDeposit>& deposits,
                                  const std::vector<OpenOrder>& orders) {
  std::vector<Match> out;
  std::map<std::string, int> picked;
  for (const auto& d : deposits) {
    out.push_back(match_one(d, orders));
    if (out.back().confidence >= Confidence::likely) ++picked[out.back().candidates.front().number];
  }
  for (auto& m : out)
    if (m.confidence >= Confidence::likely && picked[m.candidates.front().number] > 1)
      m.confidence = Confidence::ambiguous;
  return out;
}

std::string_view name_of(Confidence c) {
  constexpr std::array<std::string_view, 4> names{"none", "ambiguous", "likely", "certain"};
  return names[static_cast<size_t>(c)];
}

std::string_view name_of(NameMatch m) {
  constexpr std::array<std::string_view, 3> names{"none", "similar", "same"};
  return names[static_cast<size_t>(m)];
}

}  // namespace brilliant::payments
