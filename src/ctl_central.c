/* kioskctl central: placeholder. */
#include "ctl.h"

int ctl_central(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	return ctl_fail("central: not yet");
}
