#include "media/spreadsheet.hpp"

#include <expat.h>
#include <iconv.h>
#include <zip.h>

#include <charconv>
#include <cstdio>
#include <map>
#include <memory>

#include "core/text.hpp"

namespace brilliant::media {

namespace {

constexpr zip_uint64_t max_part = 64u << 20;

Error bad_file(const std::string& why) { return Error::invalid("file", "file_unreadable", why); }

class Archive {
 public:
  explicit Archive(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    source_ = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source_) archive_ = zip_open_from_source(source_, ZIP_RDONLY, &error);
    if (source_ && !archive_) zip_source_free(source_);
    zip_error_fini(&error);
  }
  ~Archive() {
    if (archive_) zip_discard(archive_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  bool open() const { return archive_ != nullptr; }

  // The part's bytes; nothing when it is missing or too big.
  std::optional<std::string> part(const std::string& name) const {
    zip_stat_t stat;
    if (zip_stat(archive_, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) ||
        stat.size > max_part)
      return std::nullopt;
    zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
    if (!file) return std::nullopt;
    std::string out(static_cast<size_t>(stat.size), '\0');
    const auto read = zip_fread(file, out.data(), out.size());
    zip_fclose(file);
    if (read < 0 || static_cast<size_t>(read) != out.size()) return std::nullopt;
    return out;
  }

 private:
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
};

// Runs expat over an XML part with one handler object (start, end, text), namespace prefixes kept as
// written (spreadsheets write them the same way every time: "x:row" is rare, handled by local_name).
template <typename Handler>
bool parse_xml(const std::string& xml, Handler& handler) {
  const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                            &XML_ParserFree);
  XML_SetUserData(parser.get(), &handler);
  XML_SetElementHandler(
      parser.get(),
      [](void* h, const XML_Char* name, const XML_Char** attributes) {
        static_cast<Handler*>(h)->start(name, attributes);
      },
      [](void* h, const XML_Char* name) { static_cast<Handler*>(h)->end(name); });
  XML_SetCharacterDataHandler(parser.get(), [](void* h, const XML_Char* text, int length) {
    static_cast<Handler*>(h)->text(std::string_view(text, static_cast<size_t>(length)));
  });
  return XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
}

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string attribute(const XML_Char** attributes, std::string_view wanted) {
  for (int i = 0; attributes[i]; i += 2)
    if (local_name(attributes[i]) == wanted) return attributes[i + 1];
  return {};
}

// sharedStrings.xml: each <si> is one string, the text of its <t> runs, phonetic guides (<rPh>) left out.
struct SharedStrings {
  std::vector<std::string> strings;
  int in_t = 0, in_phonetic = 0;
  void start(const XML_Char* name, const XML_Char**) {
    const auto n = local_name(name);
    if (n == "si") strings.emplace_back();
    if (n == "rPh") ++in_phonetic;
    if (n == "t") ++in_t;
  }
  void end(const XML_Char* name) {
    const auto n = local_name(name);
    if (n == "rPh") --in_phonetic;
    if (n == "t") --in_t;
  }
  void text(std::string_view t) {
    if (in_t && !in_phonetic && !strings.empty()) strings.back() += t;
  }
};

// "BC12" -> 54 (0-based column of the cell reference), or -1.
int column_of(std::string_view ref) {
  int column = 0, letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (++letters > 3) return -1;
  }
  return letters ? column - 1 : -1;
}

struct Sheet {
  const std::vector<std::string>& shared;
  size_t max_rows;
  std::vector<CsvRow> rows;
  bool too_many = false;
  std::string type, value;
  int column = -1, next_column = 0;
  bool in_value = false, in_inline = false;

  void start(const XML_Char* name, const XML_Char** attributes) {
    const auto n = local_name(name);
    if (n == "row") {
      const auto r = attribute(attributes, "r");
      rows.push_back({r.empty() ? static_cast<int>(rows.size()) + 1 : std::atoi(r.c_str()), {}});
      next_column = 0;
      too_many = too_many || rows.size() > max_rows;
    } else if (n == "c") {
      type = attribute(attributes, "t");
      const auto ref = attribute(attributes, "r");
      column = ref.empty() ? next_column : column_of(ref);
      value.clear();
    } else if (n == "v") {
      in_value = true;
    } else if (n == "t" && type == "inlineStr") {
      in_inline = true;
    }
  }
  void end(const XML_Char* name) {
    const auto n = local_name(name);
    if (n == "v") in_value = false;
    if (n == "t") in_inline = false;
    if (n != "c" || rows.empty() || column < 0 || column > 16383) return;
    auto& fields = rows.back().fields;
    if (fields.size() <= static_cast<size_t>(column)) fields.resize(static_cast<size_t>(column) + 1);
    fields[static_cast<size_t>(column)] = cell_text();
    next_column = column + 1;
  }
  void text(std::string_view t) {
    if (in_value || in_inline) value += t;
  }
  std::string cell_text() const {
    if (type != "s") return value;
    size_t index = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
    return ec == std::errc() && end == value.data() + value.size() && index < shared.size() ? shared[index]
                                                                                            : std::string();
  }
};

// The first worksheet's part: workbook.xml names it, its relationships file says where it is.
struct FirstSheet {
  std::string id;
  void start(const XML_Char* name, const XML_Char** attributes) {
    if (id.empty() && local_name(name) == "sheet") id = attribute(attributes, "id");
  }
  void end(const XML_Char*) {}
  void text(std::string_view) {}
};
struct Relationships {
  std::map<std::string, std::string> targets;
  void start(const XML_Char* name, const XML_Char** attributes) {
    if (local_name(name) == "Relationship")
      targets[attribute(attributes, "Id")] = attribute(attributes, "Target");
  }
  void end(const XML_Char*) {}
  void text(std::string_view) {}
};

std::string first_sheet_part(const Archive& archive) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  FirstSheet first;
  Relationships rels;
  const auto workbook = archive.part("xl/workbook.xml");
  const auto links = archive.part("xl/_rels/workbook.xml.rels");
  if (!workbook || !links || !parse_xml(*workbook, first) || !parse_xml(*links, rels)) return fallback;
  const auto it = rels.targets.find(first.id);
  if (it == rels.targets.end() || it->second.empty()) return fallback;
  return it->second.front() == '/' ? it->second.substr(1) : "xl/" + it->second;
}

Result<std::vector<CsvRow>> read_workbook(std::string_view bytes, size_t max_rows) {
  const Archive archive(bytes);
  if (!archive.open()) return bad_file("the workbook (.xlsx) could not be opened");
  SharedStrings shared;
  if (const auto part = archive.part("xl/sharedStrings.xml"); part && !parse_xml(*part, shared))
    return bad_file("the workbook's strings are not readable XML");
  const auto part = archive.part(first_sheet_part(archive));
  if (!part) return bad_file("the workbook has no readable first worksheet (or it is over 64 MiB)");
  Sheet sheet{shared.strings, max_rows, {}};
  if (!parse_xml(*part, sheet)) return bad_file("the worksheet is not readable XML");
  if (sheet.too_many) return bad_file("more than " + std::to_string(max_rows) + " rows");
  return std::move(sheet.rows);
}

}  // namespace

std::optional<std::string> cp949_to_utf8(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "CP949");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string in(bytes), out(bytes.size() * 2 + 16, '\0');
  char* from = in.data();
  char* to = out.data();
  size_t left = in.size(), room = out.size();
  const auto done = iconv(cd, &from, &left, &to, &room);
  iconv_close(cd);
  if (done == static_cast<size_t>(-1) || left != 0) return std::nullopt;
  out.resize(out.size() - room);
  return out;
}

std::optional<std::string> excel_date(std::string_view text) {
  const auto scaled = parse_scaled(text, 6);  // days with a fraction to the microday
  if (!scaled || *scaled <= 0 || *scaled > 2958465LL * 1000000) return std::nullopt;
  // Day 25569 is 1970-01-01 (Excel counts the 1900 leap day that never was, so later serials line up).
  const long long seconds = (*scaled - 25569LL * 1000000) * 86400 / 1000000;
  const auto days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const auto in_day = seconds - days * 86400;
  // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
  const long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const long long day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char out[96];
  std::snprintf(out, sizeof out, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", year, month, day, in_day / 3600,
                in_day / 60 % 60, in_day % 60);
  return std::string(out);
}

Result<std::vector<CsvRow>> read_table(std::string_view bytes, size_t max_rows) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return read_workbook(bytes, max_rows);
  std::string text(bytes);
  if (!valid_utf8(text)) {
    auto converted = cp949_to_utf8(bytes);
    if (!converted) return bad_file("the file is neither UTF-8 nor CP949 (EUC-KR) text, nor a workbook");
    text = std::move(*converted);
  }
  auto rows = parse_csv(text, max_rows);
  if (!rows) {
    Error e = rows.error();
    e.field = "file";
    return e;
  }
  return rows;
}

}  // namespace brilliant::media
