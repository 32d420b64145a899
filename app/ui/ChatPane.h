#pragma once
//! The middle of the window: channel header, messages, notices, and the composer.

#include "MentionCompleter.h"
#include "shared/ErrorCode.h"
#include "shared/Types.h"

#include <QHash>
#include <QMap>
#include <QWidget>

class QAction;
class QLabel;
class QSettings;
class QTimer;
class QToolButton;

namespace kith::app {

class AttachmentTray;
class ClientState;
class Composer;
class ElidedLabel;
class EmojiPicker;
class SearchField;
class MessageView;
class Theme;

class ChatPane : public QWidget
{
    Q_OBJECT
public:
    ChatPane(ClientState *state, const Theme *theme, QWidget *parent = nullptr);

    MessageView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }
    //! A notice above the composer; empty hides it. Errors fade after a while.
    void showNotice(const QString &text);
    void showError(const QString &text);
    //! The header's buttons that show the channel list and the member list when the window
    //! is too narrow to keep them beside the chat.
    void setPanelToggles(bool channels, bool members);
    QToolButton *channelsToggle() const { return m_channelsToggle; }
    QToolButton *membersToggle() const { return m_membersToggle; }
    //! The header's search box (Ctrl+F); its searchRequested opens the results.
    SearchField *searchField() const { return m_search; }

    //! A calm one-time note with a close button (e.g. no keychain).
    //! A notice in the dismissable banner, one per topic `key`; an empty text removes it.
    void showInfo(const QString &key, const QString &text);
    QString infoText() const; //!< every notice shown, one per line
    QString noticeText() const;
    //! "X is typing…" under the messages; empty when nobody is.
    QString typingText() const;
    static QString typingSentence(const QStringList &names);

    //! Where the emoji picker keeps the recent emoji (the app's settings).
    void setSettings(QSettings *settings) { m_settings = settings; }
    //! The picker, once it was opened; nullptr before (it is made on first use).
    EmojiPicker *emojiPicker() const { return m_picker; }
    QToolButton *emojiButton() const { return m_emoji; }
    //! Opens the picker at `globalPos`: what is picked reacts to `messageId`, or goes into
    //! the composer at its cursor when `messageId` is 0.
    void openEmojiPicker(kith::Id messageId, const QPoint &globalPos);
    //! Files going out: the composer's pending files and the upload under way.
    AttachmentTray *attachmentTray() const { return m_tray; }
    QToolButton *attachButton() const { return m_attach; }
    //! Saves an attachment to `path` with progress in the banner (the card's save button asks
    //! where first).
    void saveAttachment(const kith::Attachment &attachment, const QString &path);

signals:
    void channelsToggled();
    //! A link in the notice above the composer ("Reconnect now").
    void noticeLinkActivated(const QString &link);
    void membersToggled();

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void syncHeader();
    void syncTexts(); //!< the composer's placeholder and the empty channel's line
    void syncMark();  //!< the header's #, or the mark of an unstored or roulette channel
    void syncHint();
    void syncTyping();
    void onActionFailed(const QString &what, const kith::Error &error);
    void wireAttachments();
    QList<MentionCandidate> mentionCandidates(QChar kind, const QString &prefix) const;
    //! The people and channels mentions name here, for the chips; lays messages out again when
    //! they changed.
    void syncMentionNames();

    ClientState *m_state;
    QHash<QString, QString> m_people;   //!< username, lower case -> shown name, of those here
    QHash<QString, kith::Id> m_channelIds; //!< channel name, lower case -> id, of this guild
    ElidedLabel *m_name;
    ElidedLabel *m_topic;
    MessageView *m_view;
    Composer *m_composer;
    QLabel *m_hint;
    QLabel *m_typing;
    QLabel *m_hash;
    QLabel *m_at;
    QLabel *m_notice;
    QLabel *m_error;
    QWidget *m_info;
    QLabel *m_infoText;
    QMap<QString, QString> m_infos; //!< topic -> text, what the banner shows
    QTimer *m_errorTimer;
    QToolButton *m_channelsToggle;
    QToolButton *m_membersToggle;
    SearchField *m_search;
    QAction *m_lens;
    QToolButton *m_dismiss;
    QToolButton *m_send;
    QToolButton *m_emoji;
    QToolButton *m_attach;
    AttachmentTray *m_tray;
    const Theme *m_theme;
    QSettings *m_settings = nullptr;
    EmojiPicker *m_picker = nullptr;
    kith::Id m_pickFor = 0; //!< the message the open picker reacts to; 0: the composer
};

} // namespace kith::app
