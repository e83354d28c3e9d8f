// The operator's landing page (/operator, /api/v1/operator/todo): today's work across the modules,
// each count linking to the page where it is done, and every operator section one click away.
#pragma once
#include <string>
#include <vector>

#include "db/database.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::app {

struct LowStock {
  std::string product_slug, title_ko, title_en, workshop, sku;
  long long stock = 0;
};

struct OperatorTodo {
  long long transfers = 0;       // orders awaiting a bank transfer to be confirmed
  long long to_ship = 0;         // paid parcels no workshop has shipped yet
  long long reviews = 0;         // pieces waiting for review
  long long applications = 0;    // workshop applications waiting for a decision
  long long low_stock = 0;       // variants of published pieces with 2 or fewer left (made to order aside)
  std::vector<LowStock> lowest;  // the ten lowest
};

// Counts read in one transaction (a consistent picture).
OperatorTodo operator_todo(db::Database& db);

void add_operator_home_routes(web::Router& router, db::Database& db, const web::Renderer& renderer);

}  // namespace brilliant::app
