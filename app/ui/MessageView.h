#pragma once
//! The message list: stays pinned to the newest message, loads older pages when scrolled near
//! the top while keeping what the user looks at in place, opens links, offers a context menu.

#include "shared/Types.h"

#include <QListView>

namespace kith::app {

class MessageDelegate;
class MessageListModel;
class Theme;

class MessageView : public QListView
{
    Q_OBJECT
public:
    MessageView(const Theme *theme, QWidget *parent = nullptr);

    void setMessageModel(MessageListModel *model);
    MessageDelegate *messageDelegate() const { return m_delegate; }
    //! Whether I may delete other people's messages here (owner/admin).
    void setCanModerate(bool can) { m_canModerate = can; }
    bool isAtBottom() const;
    void scrollToBottomNow();
    //! Shown in the middle when the channel has no messages.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    //! The channel is empty and its empty text has room to show.
    bool showsEmptyText() const;
    void doItemsLayout() override;
    //! Time spent laying rows out so far, for the measurements.
    qint64 layoutNs() const { return m_layoutNs; }

signals:
    void editRequested(kith::Id id, const QString &content);
    void replyRequested(kith::Id id, const QString &authorName);
    void deleteRequested(kith::Id id);
    void retryRequested(const QString &nonce);
    void discardRequested(const QString &nonce);
    void linkActivated(const QUrl &url);

protected:
    void updateGeometries() override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void onScroll(int value);
    void relayoutKeepingPlace();
    void maybeFetchOlder();
    QString anchorAt(const QPoint &pos) const;

    const Theme *m_theme;
    MessageDelegate *m_delegate;
    MessageListModel *m_model = nullptr;
    bool m_stick = true;       //!< follow new messages at the bottom
    int m_fromBottom = -1;     //!< distance to restore after rows were prepended
    bool m_canModerate = false;
    bool m_adjusting = false;
    QString m_emptyText;
    qint64 m_layoutNs = 0;
};

} // namespace kith::app
