#pragma once
//! The message list: stays pinned to the newest message, loads older pages when scrolled near
//! the top while keeping what the user looks at in place, opens links, offers a context menu.

#include "shared/Types.h"

#include "LaidOutView.h"

#include <QListView>
#include <QPersistentModelIndex>

class QTimer;

namespace kith::app {

class AttachmentCache;
class MessageDelegate;
class MessageListModel;
class Theme;

class MessageView : public LaidOutView<QListView>
{
    Q_OBJECT
public:
    MessageView(const Theme *theme, QWidget *parent = nullptr);

    void setMessageModel(MessageListModel *model);
    //! Where the rows' thumbnails come from; a thumbnail that arrives repaints its row.
    void setAttachmentCache(AttachmentCache *cache);
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

    //! Scrolls to message `id` and highlights it for a moment; loads older pages until it is
    //! there, or gives up at the channel's start.
    void jumpTo(kith::Id id);
    kith::Id jumpPending() const { return m_jumpTo; }
    kith::Id highlighted() const;
    //! The bar over the row under the mouse (react, reply), in viewport coordinates; empty
    //! when none shows.
    QRect hoverBar() const;
    QRect reactButton() const;
    QRect replyButton() const;
    //! What a reaction chip's tooltip says: who reacted, as far as the client knows.
    static QString reactionTip(const QString &emoji, int count, bool me);
    //! The same with names (mine already given as "You"), of `count` in all.
    static QString reactionNamesTip(const QString &emoji, const QStringList &names, int count);
    //! Who reacted, as the host answered reactionUsersWanted: the tooltip shows them if it is
    //! still over that chip.
    void showReactionUsers(kith::Id id, const QString &emoji, const QStringList &names);

signals:
    void editRequested(kith::Id id, const QString &content);
    void replyRequested(kith::Id id, const QString &authorName);
    void deleteRequested(kith::Id id);
    void retryRequested(const QString &nonce);
    void discardRequested(const QString &nonce);
    void linkActivated(const QUrl &url);
    //! A click on a reaction chip: add mine, or take it away.
    void reactionToggled(kith::Id id, const QString &emoji);
    //! "Add reaction" (the hover bar or the "+" chip): the picker should open at `globalPos`.
    void reactionPickerRequested(kith::Id id, const QPoint &globalPos);
    //! A click on an image: show it whole.
    void imageOpened(const kith::Attachment &attachment);
    //! The rows are drawn (at the end of each paint): the start is usable once they are.
    void painted();
    //! A file card's save button (or the card): save it where the user says.
    void saveRequested(const kith::Attachment &attachment);
    //! A chip's tooltip opened: its names are wanted (showReactionUsers).
    void reactionUsersWanted(kith::Id id, const QString &emoji);

protected:
    void updateGeometries() override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void onScroll(int value);
    void relayoutKeepingPlace();
    void maybeFetchOlder();
    QString anchorAt(const QPoint &pos) const;
    void continueJump();
    void setHover(const QModelIndex &index);
    //! A clickable thing under `pos`, other than links: whether there is one, and its tooltip.
    bool hitAt(const QPoint &pos, QString *tip = nullptr) const;
    //! The attachment under `pos`, if any: its index in the row's list, else -1.
    int attachmentAt(const QModelIndex &index, const QPoint &pos, bool *image = nullptr) const;

    const Theme *m_theme;
    MessageDelegate *m_delegate;
    MessageListModel *m_model = nullptr;
    bool m_stick = true;       //!< follow new messages at the bottom
    int m_fromBottom = -1;     //!< distance to restore after rows were prepended
    bool m_canModerate = false;
    bool m_adjusting = false;
    QString m_emptyText;
    qint64 m_layoutNs = 0;
    kith::Id m_jumpTo = 0;
    kith::Id m_jumpChannel = 0; //!< the channel m_jumpTo is in
    QTimer *m_highlightTimer;
    QPersistentModelIndex m_hover; //!< the row whose hover bar shows
    struct Tip {
        kith::Id id = 0;
        QString emoji;
        int count = 0;
        QPoint globalPos;
    } m_tip; //!< the chip whose tooltip shows
};

} // namespace kith::app
