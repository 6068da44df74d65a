"""Frame transforms, the orientation chart and its detection. No Qt."""
