#pragma once
//! What every service works with; owned by Server, passed to each service's constructor.

#include "shared/Snowflake.h"

class QObject;
class QThreadPool;

namespace kith::server {

class Directory;
class Hub;
class WriteQueue;
class LoginThrottle;
struct ServerConfig;

struct ServiceContext {
    QObject &owner;  //!< lives on the gateway thread: results from other threads come back here
    const ServerConfig &config;
    WriteQueue &store;   //!< every write, and reads whose order against writes matters
    WriteQueue &reader;  //!< reads that only need the last commit (history pages)
    Directory &directory;
    Hub &hub;
    SnowflakeGenerator &ids;
    LoginThrottle &loginThrottle;
    QThreadPool &cpuPool;   //!< password hashing, off the gateway thread
};

} // namespace kith::server
