#pragma once

#include <QIcon>

namespace StateScope {

// The menu and toolbar icons: small SVG drawings rendered at the size and device pixel ratio
// asked for (sharp at 200 %), in the palette's text color of the moment, so they follow the
// light and dark themes (disabled and selected icons too).
class ActionIcons final
{
public:
    enum class Kind {
        Open,
        Connect,
        Reload,
        Close,
        FollowLive,
        ZoomIn,
        ZoomOut,
        Fit,
        Export,
        Preferences,
        CommandPalette,
        FullScreen,
        Help,
        Find,
        Recover,
        Keyboard,
        Play,
        Pause
    };
    static QIcon icon(Kind kind);
};

} // namespace StateScope
