#include "reports/program.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/csv.hpp"

namespace brilliant::reports {
namespace {

int channel_index(const std::string& channel) {
  for (int i = 0; i < channel_count; ++i)
    if (channel == sales_channels[i]) return i;
  return 0;
}

// The Seoul month a stored time falls in within the year, as an index 0-11; -1 outside.
int month_index(const std::string& utc, int year) { return seoul_month(utc, year) - 1; }

// The UTC text at which Seoul month `month` (1-13: 13 is next January) of `year` begins.
std::string month_start(int year, int month) {
  if (month == 13) {
    ++year;
    month = 1;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-01T00:00", year, month);
  TimePoint t;
  parse_seoul_input(text, t);
  return format_utc(t);
}

void add_sales(Report& r, const Facts& f) {
  std::array<std::set<long long>, 12> orders, active;
  std::array<std::set<long long>, channel_count> channel_orders_seen;
  std::unordered_map<long long, WorkshopRow> workshops;
  std::unordered_map<long long, std::set<long long>> workshop_orders;
  for (const auto& s : f.sales) {
    const int m = month_index(s.paid_at, f.year);
    if (m < 0) continue;
    auto& month = r.months[m];
    const int c = channel_index(s.channel);
    month.gmv += s.amount;
    month.channel_gmv[c] += s.amount;
    if (orders[m].insert(s.order_id).second) {
      ++month.orders;
      ++month.channel_orders[c];
    }
    active[m].insert(s.workshop_id);
    auto& w = workshops[s.workshop_id];
    w.id = s.workshop_id;
    w.name = s.workshop;
    w.name_en = s.workshop_en;
    w.gmv += s.amount;
    workshop_orders[s.workshop_id].insert(s.order_id);
  }
  std::set<long long> active_in_year;
  for (int m = 0; m < 12; ++m) {
    r.months[m].active_workshops = static_cast<long long>(active[m].size());
    active_in_year.insert(active[m].begin(), active[m].end());
  }
  r.total.active_workshops = static_cast<long long>(active_in_year.size());
  for (auto& [id, w] : workshops) {
    w.orders = static_cast<long long>(workshop_orders[id].size());
    r.workshops.push_back(w);
  }
  std::sort(r.workshops.begin(), r.workshops.end(), [](const WorkshopRow& a, const WorkshopRow& b) {
    return a.gmv != b.gmv ? a.gmv > b.gmv : a.name < b.name;
  });
}

// Counts each time into its month.
template <class Field>
void count_into(Report& r, const std::vector<std::string>& times, Field field) {
  for (const auto& t : times)
    if (const int m = month_index(t, r.year); m >= 0) ++(r.months[m].*field);
}

void add_states(Report& r, const Facts& f) {
  for (int m = 0; m < 12; ++m) {
    const auto end = month_start(r.year, m + 2);
    for (const auto& [id, joined] : f.workshops)
      if (joined < end) ++r.months[m].workshops;
    std::set<long long> certified;
    for (const auto& c : f.certificates)
      if (c.status != "withdrawn" && c.valid_from < end && c.valid_until >= month_start(r.year, m + 1))
        certified.insert(c.workshop_id);
    r.months[m].certified_workshops = static_cast<long long>(certified.size());
  }
  r.total.workshops = r.months[11].workshops;
  r.total.certified_workshops = r.months[11].certified_workshops;
}

}  // namespace

std::string figure(bool in_use, long long value, const Words& w) {
  return in_use ? std::to_string(value) : w("reports.not_in_use");
}

bool channel_in_use(const InUse& in_use, int c) {
  const std::string name = sales_channels[c];
  return name == "live" ? in_use.live : name == "b2b" ? in_use.b2b : true;
}

std::string channel_of(bool quote, bool live_deal, const std::string& utm_source,
                       const std::string& utm_medium) {
  if (quote) return "b2b";
  if (live_deal) return "live";
  const bool feed_source = utm_source == "naver" || utm_source == "google" || utm_source == "kakao";
  const bool feed_medium = utm_medium == "shopping_feed" || utm_medium == "catalog_feed";
  return feed_source && feed_medium ? "marketplaces" : "store";
}

int seoul_month(const std::string& utc, int year) {
  TimePoint t;
  if (!parse_utc(utc, t)) return 0;
  const auto seoul = format_seoul(t);  // "YYYY-MM-DD HH:MM"
  if (seoul.size() < 7 || std::stoi(seoul.substr(0, 4)) != year) return 0;
  return std::stoi(seoul.substr(5, 2));
}

std::string month_label(int year, int month) {
  return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

std::pair<std::string, std::string> year_bounds(int year) {
  return {month_start(year, 1), month_start(year, 13)};
}

Report build_report(const Facts& f) {
  Report r;
  r.year = f.year;
  r.in_use = f.in_use;
  add_sales(r, f);
  count_into(r, f.published, &Figures::new_products);
  count_into(r, f.products_certified, &Figures::products_certified);
  count_into(r, f.attended, &Figures::trainees);
  count_into(r, f.completions, &Figures::completions);
  count_into(r, f.leads, &Figures::leads);
  count_into(r, f.contracts, &Figures::contracts);
  std::vector<std::string> issued;
  for (const auto& c : f.certificates) issued.push_back(c.issued_at);
  count_into(r, issued, &Figures::certificates_issued);
  add_states(r, f);
  for (const auto& m : r.months) {
    r.total.orders += m.orders;
    r.total.gmv += m.gmv;
    for (int c = 0; c < channel_count; ++c) {
      r.total.channel_orders[c] += m.channel_orders[c];
      r.total.channel_gmv[c] += m.channel_gmv[c];
    }
    r.total.new_products += m.new_products;
    r.total.certificates_issued += m.certificates_issued;
    r.total.products_certified += m.products_certified;
    r.total.trainees += m.trainees;
    r.total.completions += m.completions;
    r.total.leads += m.leads;
    r.total.contracts += m.contracts;
  }
  return r;
}

namespace {}  // namespace

std::string report_csv(const Report& r, const Words& w) {
  std::string out = csv_line({w("reports.title"), std::to_string(r.year)});
  std::vector<std::string> head{w("reports.month"), w("reports.orders"), w("reports.gmv"), w("reports.aov")};
  for (const char* c : sales_channels) head.push_back(w(std::string("reports.channel.") + c));
  for (const char* k :
       {"workshops", "active_workshops", "new_products", "certified_workshops", "certificates_issued",
        "products_certified", "trainees", "completions", "leads", "contracts"})
    head.push_back(w(std::string("reports.") + k));
  out += csv_line(head);
  auto row = [&](const std::string& label, const Figures& m) {
    std::vector<std::string> cells{label, std::to_string(m.orders), std::to_string(m.gmv),
                                   std::to_string(m.aov())};
    for (int c = 0; c < channel_count; ++c)
      cells.push_back(figure(channel_in_use(r.in_use, c), m.channel_gmv[c], w));
    cells.push_back(std::to_string(m.workshops));
    cells.push_back(std::to_string(m.active_workshops));
    cells.push_back(std::to_string(m.new_products));
    for (long long v : {m.certified_workshops, m.certificates_issued, m.products_certified})
      cells.push_back(figure(r.in_use.certification, v, w));
    for (long long v : {m.trainees, m.completions}) cells.push_back(figure(r.in_use.academy, v, w));
    cells.push_back(figure(r.in_use.exhibitions, m.leads, w));
    cells.push_back(figure(r.in_use.b2b, m.contracts, w));
    out += csv_line(cells);
  };
  for (int m = 0; m < 12; ++m) row(month_label(r.year, m + 1), r.months[m]);
  row(w("reports.total"), r.total);
  out += "\r\n" + csv_line({w("reports.by_channel"), w("reports.orders"), w("reports.gmv")});
  for (int c = 0; c < channel_count; ++c)
    out += csv_line({w(std::string("reports.channel.") + sales_channels[c]),
                     figure(channel_in_use(r.in_use, c), r.total.channel_orders[c], w),
                     figure(channel_in_use(r.in_use, c), r.total.channel_gmv[c], w)});
  out += "\r\n" + csv_line({w("reports.by_workshop"), w("reports.orders"), w("reports.gmv")});
  for (const auto& ws : r.workshops)
    out += csv_line({ws.name, std::to_string(ws.orders), std::to_string(ws.gmv)});
  out += "\r\n" + csv_line({w("reports.exhibitions"), w("reports.leads"), w("reports.contracts")});
  out += csv_line({w("reports.total"), figure(r.in_use.exhibitions, r.total.leads, w),
                   figure(r.in_use.b2b, r.total.contracts, w)});
  return out;
}

}  // namespace brilliant::reports
