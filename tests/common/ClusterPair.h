#pragma once
//! Two nodes on one database, each with a user signed in: how the cross-node tests begin.

#include "ServerFixture.h"
#include "TestClient.h"

#include <QString>
#include <memory>

namespace kith::test {

struct ClusterPair {
    ServerFixture a;
    ServerFixture b; //!< on a's database once started
    std::unique_ptr<TestClient> ann; //!< signed in on a
    std::unique_ptr<TestClient> bob; //!< signed in on b

    //! Starts a, then b on a's database, then signs in Ann and Bob. False with *error set when a
    //! node did not start. Several nodes share PostgreSQL only.
    bool start(QString *error);
};

} // namespace kith::test
