// Asio and Beast compiled once, here (BOOST_ASIO_SEPARATE_COMPILATION, BOOST_BEAST_SEPARATE_COMPILATION),
// so no other translation unit instantiates their implementation.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
