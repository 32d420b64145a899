#pragma once
//! Above the composer's text: the files that go with the next message, as cards with a remove
//! button, and the upload under way (a progress bar with cancel).

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QToolButton;

namespace kith::app {

class ClientState;
class Composer;
class Theme;

class AttachmentTray : public QWidget
{
    Q_OBJECT
public:
    AttachmentTray(ClientState *state, Composer *composer, const Theme *theme, QWidget *parent = nullptr);

    //! The cards shown, one per pending file.
    int cardCount() const;
    QProgressBar *progressBar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }
    QString uploadText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void syncCards();
    void onProgress(const QString &nonce, qint64 sent, qint64 total);

    ClientState *m_state;
    Composer *m_composer;
    const Theme *m_theme;
    QWidget *m_cards;
    QHBoxLayout *m_cardLayout;
    QWidget *m_upload;
    QLabel *m_uploadLabel;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QString m_nonce; //!< the send whose upload shows
};

} // namespace kith::app
