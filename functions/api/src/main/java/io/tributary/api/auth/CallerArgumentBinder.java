package io.tributary.api.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

/** Lets controllers take a {@link Caller} parameter, set by {@link BearerAuthFilter}. */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {
  @Override
  public Argument<Caller> argumentType() {
    return Argument.of(Caller.class);
  }

  @Override
  public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
    return () -> source.getAttribute(Caller.ATTRIBUTE, Caller.class);
  }
}
