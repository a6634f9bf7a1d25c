package dev.strata.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Every RestAssured request of the annotated test class's (or method's) tests carries a real token
 * of the role ({@link Authorized#as}), and none once each test is over ({@link Authorized#reset}).
 * The token is set before the class's {@code @BeforeEach} methods run and dropped after its
 * {@code @AfterEach} methods. A method's annotation wins over its class's. A test whose role
 * changes mid-test calls {@link Authorized} itself.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(ActingAs.Token.class)
public @interface ActingAs {

  /** The role, one of {@link dev.strata.kernel.security.Roles}. */
  String value();

  /** Sets the role's token before each test and drops it after. */
  final class Token implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      Authorized.as(role(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
      Authorized.reset();
    }

    private static String role(ExtensionContext context) {
      Optional<ActingAs> acting = AnnotationSupport.findAnnotation(context.getTestMethod(), ActingAs.class);
      for (Class<?> type = context.getRequiredTestClass(); acting.isEmpty() && type != null; type = type.getEnclosingClass()) {
        acting = AnnotationSupport.findAnnotation(type, ActingAs.class);
      }
      return acting.orElseThrow(() -> new IllegalStateException("no @ActingAs on " + context.getDisplayName())).value();
    }
  }
}
