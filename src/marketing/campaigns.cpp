#include "marketing/campaigns.hpp"

#include "core/secret.hpp"
#include "core/text.hpp"
#include "db/bulk.hpp"
#include "db/database.hpp"
#include "marketing/customer_repo.hpp"
#include "marketing/customers.hpp"

namespace brilliant::marketing {
namespace {

constexpr const char* campaign_columns =
    "c.id, COALESCE(c.segment_id, 0), c.name, COALESCE(s.name, ''), c.rules, c.subject_a, c.body_a, "
    "c.subject_b, "
    "c.body_b, c.link_path, c.coupon_code, c.status, c.scheduled_at, COALESCE(c.sent_at, ''), c.created_at, "
    "c.recipients, COALESCE(c.workshop_id, 0), COALESCE(c.tested_at, '')";

Campaign campaign_of(const soci::row& r) {
  Campaign c;
  c.id = db::row_int(r, 0);
  c.segment_id = db::row_int(r, 1);
  c.name = db::row_text(r, 2);
  c.segment_name = db::row_text(r, 3);
  c.rules = db::row_text(r, 4);
  c.subject_a = db::row_text(r, 5);
  c.body_a = db::row_text(r, 6);
  c.subject_b = db::row_text(r, 7);
  c.body_b = db::row_text(r, 8);
  c.link_path = db::row_text(r, 9);
  c.coupon_code = db::row_text(r, 10);
  c.status = db::row_text(r, 11);
  c.scheduled_at = db::row_text(r, 12);
  c.sent_at = db::row_text(r, 13);
  c.created_at = db::row_text(r, 14);
  c.recipients = db::row_int(r, 15);
  c.workshop_id = db::row_int(r, 16);
  c.tested_at = db::row_text(r, 17);
  return c;
}

std::vector<Campaign> select_campaigns(soci::session& sql, const std::string& where, long long id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string("SELECT ") + campaign_columns +
                          " FROM campaigns c LEFT JOIN segments s ON s.id = c.segment_id WHERE " + where +
                          " ORDER BY c.id DESC LIMIT 200",
       soci::use(id));
  std::vector<Campaign> out;
  for (const auto& r : rows) out.push_back(campaign_of(r));
  return out;
}

// The recipients now: the segment's members whose latest marketing decision is "agreed".
std::vector<CustomerFacts> recipients_of(soci::session& sql, const std::string& rules, TimePoint now) {
  auto people = repo::segment_members(sql, rules, now);
  std::erase_if(people, [](const CustomerFacts& c) { return !c.marketing; });
  return people;
}

constexpr std::string_view name_mark = "\x1ename\x1e", link_mark = "\x1elink\x1e";

void replace_all(std::string& text, std::string_view mark, std::string_view with) {
  for (size_t at = 0; (at = text.find(mark, at)) != std::string::npos; at += with.size())
    text.replace(at, mark.size(), with);
}

// One person's mail from their variant's draft: their name, address and links.
mail::Mail fill(const mail::Mail& draft, const CustomerFacts& person, const std::string& base) {
  mail::Mail m = draft;
  m.to = person.email;
  replace_all(m.subject, name_mark, person.name);
  replace_all(m.body, name_mark, person.name);
  replace_all(m.html, name_mark, markup_escape(person.name));
  for (auto* text : {&m.body, &m.html, &m.unsubscribe_url}) replace_all(*text, link_mark, base);
  return m;
}

}  // namespace

mail::Mail Campaigns::draft(const std::string& subject, const std::string& body,
                            const std::string& coupon) const {
  std::string personal_subject = subject;
  for (size_t at; (at = personal_subject.find("{name}")) != std::string::npos;)
    personal_subject.replace(at, 6, name_mark);
  const std::string base(link_mark);
  auto m = compose_({ad_subject(personal_subject), paragraphs(body, name_mark), std::string(name_mark),
                     coupon, base + "/click", base + "/unsubscribe", base + "/open.gif"});
  m.unsubscribe_url = base + "/unsubscribe";
  return m;
}

Result<Campaign> Campaigns::create(const CampaignInput& raw, long long actor_id, long long workshop_id) {
  const auto in = TRY(check_campaign(raw, workshop_id == 0));
  const auto at = format_utc(clock_.now());
  const long long id = TRY(db_.write([&](soci::session& sql) -> Result<long long> {
    if (workshop_id == 0 && !repo::segment(sql, in.segment_id))
      return Error::invalid("segment_id", "segment_unknown", "no such segment");
    soci::indicator segment = workshop_id == 0 ? soci::i_ok : soci::i_null;
    soci::indicator owner = workshop_id == 0 ? soci::i_null : soci::i_ok;
    long long segment_id = in.segment_id;
    long long made = 0;
    sql << "INSERT INTO campaigns (name, segment_id, subject_a, body_a, subject_b, body_b, link_path, "
           "coupon_code, scheduled_at, created_by, created_at, workshop_id) VALUES (:n, :s, :sa, :ba, :sb, "
           ":bb, "
           ":l, :c, :w, :by, :at, :ws) RETURNING id",
        soci::use(in.name), soci::use(segment_id, segment), soci::use(in.subject_a), soci::use(in.body_a),
        soci::use(in.subject_b), soci::use(in.body_b), soci::use(in.link_path), soci::use(in.coupon_code),
        soci::use(in.scheduled_at), soci::use(actor_id), soci::use(at), soci::use(workshop_id, owner),
        soci::into(made);
    return made;
  }));
  return *find(id);
}

std::vector<std::pair<long long, std::string>> Campaigns::segments() {
  std::vector<std::pair<long long, std::string>> out;
  for (const auto& s : db_.read([](soci::session& sql) { return repo::segments(sql); }))
    out.push_back({s.id, s.name});
  return out;
}

std::vector<Campaign> Campaigns::list(long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    return select_campaigns(sql, "COALESCE(c.workshop_id, 0) = :id", workshop_id);
  });
}

Result<Campaign> Campaigns::send_test(long long id, long long workshop_id, const std::string& to,
                                      const std::string& name) {
  auto campaign = find(id);
  if (!campaign || campaign->workshop_id != workshop_id) return Error::not_found("campaign");
  const auto now = format_utc(clock_.now());
  const std::string own =
      base_url_ + (workshop_id ? "/console/marketing/campaigns" : "/operator/marketing/campaigns");
  std::vector<mail::Mail> mails;
  for (const auto& [subject, body] :
       {std::pair{campaign->subject_a, campaign->body_a}, std::pair{campaign->subject_b, campaign->body_b}}) {
    if (subject.empty()) continue;
    std::string personal = subject;
    replace_all(personal, "{name}", name);
    auto m = compose_({"[TEST] " + ad_subject(personal), paragraphs(body, name), name, campaign->coupon_code,
                       base_url_ + campaign->link_path, own, ""});
    m.to = to;
    m.unsubscribe_url.clear();  // a test to oneself: nothing to unsubscribe from
    mails.push_back(std::move(m));
  }
  db_.write([&](soci::session& sql) {
    mail::enqueue_many(sql, mails, clock_);
    sql << "UPDATE campaigns SET tested_at = :t WHERE id = :id", soci::use(now), soci::use(id);
  });
  campaign->tested_at = now;
  return *campaign;
}

std::optional<Campaign> Campaigns::find(long long id) {
  auto found = db_.read([&](soci::session& sql) { return select_campaigns(sql, "c.id = :id", id); });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

CampaignResults Campaigns::results(long long id) {
  CampaignResults out;
  const std::string campaign = "campaign-" + std::to_string(id);
  db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT variant, COUNT(*), COUNT(opened_at), COUNT(clicked_at), COUNT(unsubscribed_at) "
                "FROM campaign_recipients WHERE campaign_id = :c GROUP BY variant",
         soci::use(id));
    for (const auto& r : rows) {
      auto& v = db::row_text(r, 0) == "b" ? out.b : out.a;
      v.sent = db::row_int(r, 1);
      v.opened = db::row_int(r, 2);
      v.clicked = db::row_int(r, 3);
      v.unsubscribed = db::row_int(r, 4);
    }
    soci::rowset<soci::row> orders =
        (sql.prepare
             << "SELECT utm_content, COUNT(*), CAST(COALESCE(SUM(total), 0) AS BIGINT) FROM orders WHERE "
                "utm_campaign = :c AND status = 'paid' GROUP BY utm_content",
         soci::use(campaign));
    for (const auto& r : orders) {
      auto& v = db::row_text(r, 0) == "b" ? out.b : out.a;
      v.orders += db::row_int(r, 1);
      v.revenue += db::row_int(r, 2);
    }
  });
  out.click_p = two_proportion_p(out.a.clicked, out.a.sent, out.b.clicked, out.b.sent);
  out.order_p = two_proportion_p(out.a.orders, out.a.sent, out.b.orders, out.b.sent);
  return out;
}

Result<Campaign> Campaigns::send(long long id) {
  auto campaign = find(id);
  if (!campaign) return Error::not_found("campaign");
  if (campaign->status == "sent")
    return Error::conflict("status", "campaign_sent", "this campaign was sent already");
  if (campaign->workshop_id != 0)
    return Error::rule_broken("status", "test_only",
                              "a workshop's campaign is sent only as a test to its author");
  const TimePoint now = clock_.now();
  TimePoint at = now;
  if (!campaign->scheduled_at.empty()) parse_utc(campaign->scheduled_at, at);
  at = sending_window(std::max(at, now));
  if (at > now) {  // later: the minute's sweep sends it
    const auto when = format_utc(at);
    db_.write([&](soci::session& sql) {
      sql << "UPDATE campaigns SET status = 'scheduled', scheduled_at = :w WHERE id = :id AND status <> "
             "'sent'",
          soci::use(when), soci::use(id);
    });
    return *find(id);
  }
  return send_now(id, {"draft", "scheduled"});
}

int Campaigns::send_due() {
  const auto now = format_utc(clock_.now());
  auto due = db_.read([&](soci::session& sql) {
    std::vector<long long> ids;
    soci::rowset<long long> rows =
        (sql.prepare
             << "SELECT id FROM campaigns WHERE status = 'scheduled' AND scheduled_at <= :n ORDER BY id",
         soci::use(now));
    for (long long id : rows) ids.push_back(id);
    return ids;
  });
  int sent = 0;
  for (long long id : due) sent += send_now(id, {"scheduled"}).ok();
  return sent;
}

Result<Campaign> Campaigns::send_now(long long id, const std::vector<std::string>& from_status) {
  const TimePoint now = clock_.now();
  const auto at = format_utc(now);
  TRY(db_.write([&](soci::session& sql) -> Result<void> {
    std::string status, rules;
    long long segment = 0;
    sql << "SELECT c.status, COALESCE(s.rules, ''), COALESCE(c.segment_id, 0) FROM campaigns c LEFT JOIN "
           "segments s "
           "ON s.id = c.segment_id WHERE c.id = :id",
        soci::use(id), soci::into(status), soci::into(rules), soci::into(segment);
    if (!sql.got_data()) return Error::not_found("campaign");
    // Conditional, so that two sends at once (two clicks, a click and the sweep) send once.
    const std::string first = from_status.front(), second = from_status.back();
    soci::statement claim =
        (sql.prepare << "UPDATE campaigns SET status = 'sent', sent_at = :at, rules = :r WHERE "
                        "id = :id AND status IN (:f, :s)",
         soci::use(at), soci::use(rules), soci::use(id), soci::use(first), soci::use(second));
    claim.execute(true);
    if (claim.get_affected_rows() != 1)
      return Error::conflict("status", "campaign_sent", "this campaign was sent already");
    Campaign c = select_campaigns(sql, "c.id = :id", id).front();
    const auto people = recipients_of(sql, rules, now);
    // Each variant's mail is rendered once with markers, then filled in per person (a template engine
    // per mail would cost more than everything else of a 100,000-mail send); rows go in chunks of 500.
    const mail::Mail drafts[] = {
        draft(c.subject_a, c.body_a, c.coupon_code),
        draft(c.ab() ? c.subject_b : c.subject_a, c.ab() ? c.body_b : c.body_a, c.coupon_code)};
    std::vector<std::vector<std::string>> recipients;
    std::vector<mail::Mail> mails;
    const auto flush = [&] {
      db::insert_rows(sql, "campaign_recipients", {"campaign_id", "user_id", "variant", "token"}, recipients);
      mail::enqueue_many(sql, mails, clock_);
      recipients.clear();
      mails.clear();
    };
    for (const auto& person : people) {
      const auto token = random_token(18);
      const char variant = variant_of(token, c.ab() ? 50 : 0);
      recipients.push_back(
          {std::to_string(id), std::to_string(person.user_id), std::string(1, variant), token});
      mails.push_back(fill(drafts[variant == 'b'], person, base_url_ + "/c/" + token));
      if (mails.size() == 500) flush();
    }
    flush();
    const long long count = static_cast<long long>(people.size());
    sql << "UPDATE campaigns SET recipients = :n WHERE id = :id", soci::use(count), soci::use(id);
    return {};
  }));
  return *find(id);
}

void Campaigns::opened(const std::string& token) {
  const auto at = format_utc(clock_.now());
  db_.write([&](soci::session& sql) {
    sql << "UPDATE campaign_recipients SET opened_at = :at WHERE token = :t AND opened_at IS NULL",
        soci::use(at), soci::use(token);
  });
}

std::optional<Tracked> Campaigns::clicked(const std::string& token) {
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> std::optional<Tracked> {
    Tracked t;
    std::string variant;
    sql << "SELECT r.campaign_id, r.variant, c.link_path FROM campaign_recipients r JOIN campaigns c ON c.id "
           "= "
           "r.campaign_id WHERE r.token = :t",
        soci::use(token), soci::into(t.campaign_id), soci::into(variant), soci::into(t.link_path);
    if (!sql.got_data()) return std::nullopt;
    t.variant = variant == "b" ? 'b' : 'a';
    // A click is an open too (many mail programs show no images).
    sql << "UPDATE campaign_recipients SET clicked_at = COALESCE(clicked_at, :at), opened_at = "
           "COALESCE(opened_at, "
           ":at2) WHERE token = :t",
        soci::use(at), soci::use(at), soci::use(token);
    return t;
  });
}

bool Campaigns::unsubscribe(const std::string& token) {
  const auto at = format_utc(clock_.now());
  const long long user = db_.write([&](soci::session& sql) -> long long {
    long long user_id = 0;
    sql << "SELECT user_id FROM campaign_recipients WHERE token = :t", soci::use(token), soci::into(user_id);
    if (!sql.got_data()) return 0;
    sql << "UPDATE campaign_recipients SET unsubscribed_at = COALESCE(unsubscribed_at, :at) WHERE token = :t",
        soci::use(at), soci::use(token);
    return user_id;
  });
  if (!user) return false;
  if (on_unsubscribe_) on_unsubscribe_(user);
  return true;
}

}  // namespace brilliant::marketing
