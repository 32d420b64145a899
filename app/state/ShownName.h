#pragma once
//! The name a user shows under: the display name, or the username when there is none.

#include "shared/Types.h"

namespace kith::app {

inline QString shownName(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

} // namespace kith::app
