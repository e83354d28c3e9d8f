// The most SQLite writes that share one commit (Database's group commit, database.cpp). The app sizes the
// pool that runs requests which may write to it (app/tuning.hpp): a group can hold no more writes than
// there are threads waiting in it.
#pragma once
#include <cstddef>

namespace brilliant::db {

inline constexpr std::size_t group_commit_most = 64;

}  // namespace brilliant::db
