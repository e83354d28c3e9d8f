// Forward declarations for service headers: a service holds a db::Database& and may name soci::session in
// a signature without pulling SOCI into everything that includes it (issue 14). Its .cpp includes
// db/database.hpp.
#pragma once

namespace soci {
class session;
}

namespace brilliant::db {
class Database;
}
