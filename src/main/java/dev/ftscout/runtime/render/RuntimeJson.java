package dev.ftscout.runtime.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON for the runtime records ({@code DoctorReport}, {@code ProbeResult}, ...) with Jackson 2:
 * {@code Optional} becomes its value or {@code null}, {@code Path} a string, {@code Duration} a
 * number of milliseconds (fields keep their record names). Register {@link #module()} on the
 * report's own {@code ObjectMapper}, or use {@link #write(Object)}.
 */
public final class RuntimeJson {
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(module())
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** The serializers the runtime records need. */
  public static Module module() {
    SimpleModule m = new SimpleModule("ftscout-runtime");
    m.addSerializer(Path.class, new ToStringSerializer<>(Path.class));
    m.addSerializer(Duration.class, new DurationSerializer());
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Optional<?>> optional = (Class) Optional.class;
    m.addSerializer(optional, new OptionalSerializer(optional));
    return m;
  }

  /** Pretty-printed JSON of any runtime record. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }

  private static final class ToStringSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    ToStringSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class DurationSerializer extends StdSerializer<Duration> {
    private static final long serialVersionUID = 1L;

    DurationSerializer() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(value.toNanos() / 1_000_000.0);
    }
  }

  private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
    private static final long serialVersionUID = 1L;

    OptionalSerializer(Class<Optional<?>> type) {
      super(type);
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
      return value.isEmpty();
    }
  }
}
