#include "ClusterPair.h"

using namespace Qt::StringLiterals;

namespace kith::test {

bool ClusterPair::start(QString *error)
{
    b.config.databaseUrl = a.config.databaseUrl;
    if (!a.start(error) || !b.start(error))
        return false;
    ann = a.newUser(u"ann"_s);
    bob = b.newUser(u"bob"_s);
    return true;
}

} // namespace kith::test
