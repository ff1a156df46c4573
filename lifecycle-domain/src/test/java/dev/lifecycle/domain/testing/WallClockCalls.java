package dev.lifecycle.domain.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.time.Clock;

/** The architecture tests' definition of "reads the wall clock", shared by the domain's and lifecycle-it's rules. */
public final class WallClockCalls {

    private WallClockCalls() {
    }

    /** {@code now()} without a Clock, {@code Clock.system*()}, {@code System.currentTimeMillis()}. */
    public static DescribedPredicate<JavaMethodCall> readTheSystemClock() {
        return DescribedPredicate.describe("the target reads the system clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean nowWithoutClock = owner.startsWith("java.time.") && name.equals("now")
                    && call.getTarget().getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
            boolean systemClock = owner.equals(Clock.class.getName()) && name.startsWith("system");
            boolean currentTimeMillis = owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
            return nowWithoutClock || systemClock || currentTimeMillis;
        });
    }
}
