// Several nodes' wiring (nodes.cpp): on SQLite a node stands alone (no notices, limits in memory) and names
// itself; its first minute's housekeeping is claimed in its own name.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "app/app.hpp"
#include "app/testing.hpp"
#include "db/database.hpp"

namespace brilliant::app {

TEST(Nodes, OnSqliteANodeStandsAloneAndIsNamedByHostAndProcess) {
  SystemClock clock;
  TempApp temp(clock, "nodes");
  App& app = *temp;
  EXPECT_EQ(app.notices(), nullptr) << "one node per SQLite file: nothing to tell";
  EXPECT_NE(app.node().find(":" + std::to_string(::getpid()) + ":"), std::string::npos) << app.node();
  Config named = app.config();
  named.cluster.node = "web-7";
  EXPECT_EQ(App(named, clock).node(), "web-7");
}

TEST(Nodes, TheFirstMinutesHousekeepingIsClaimedByTheNodeThatRanIt) {
  SystemClock clock;
  TempApp temp(clock, "nodes-claim");
  App& app = *temp;
  app.start();
  // The probe thread claims the current minute as it starts; asked until it has (bounded: 10 s).
  const std::string job = app.config().cluster.name + ":housekeeping";
  std::string holder;
  for (int i = 0; i < 500 && holder.empty(); ++i) {
    holder = app.database().read([&](soci::session& sql) {
      std::string node;
      soci::indicator ind = soci::i_null;
      sql << "SELECT MAX(node) FROM job_runs WHERE job = :job", soci::use(job), soci::into(node, ind);
      return ind == soci::i_ok ? node : std::string();
    });
    if (holder.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(holder, app.node());
  app.stop();
}

}  // namespace brilliant::app
