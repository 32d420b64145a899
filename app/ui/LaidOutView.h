#pragma once
//! An item view that lays out before it paints. Qt lays out inserted rows on a zero timer and
//! early only on a paint of the view itself; a repaint of the viewport alone in between (a
//! hover, a presence dot, another row's change) drew no rows at all, an empty list for a frame.
//! For the lists that change while on screen: LaidOutView<QListView>, LaidOutView<QListWidget>.

#include <QEvent>

namespace kith::app {

template <class View>
class LaidOutView : public View
{
public:
    using View::View;

protected:
    bool viewportEvent(QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            this->executeDelayedItemsLayout(); // nothing to do unless a layout is pending
        return View::viewportEvent(event);
    }
};

} // namespace kith::app
