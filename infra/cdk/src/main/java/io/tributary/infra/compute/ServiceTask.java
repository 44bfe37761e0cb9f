package io.tributary.infra.compute;

import io.tributary.infra.storage.ResourceEnv;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * What both Fargate services share: a Linux x86-64 task (the bundled ffmpeg is x86-64 only), a
 * month of logs, the image built for amd64 from the module's Dockerfile, and the environment
 * every service reads (resource names, region); each service adds its own variables to
 * {@link #environment()} before {@link #addContainer}.
 */
public record ServiceTask(FargateTaskDefinition task, LogGroup logs, Map<String, String> environment) {

  /** Creates {@code Task} and {@code Logs} in {@code scope} (the logical ids the services always had). */
  public static ServiceTask create(Construct scope, int cpu, int memoryMiB, ResourceEnv env) {
    FargateTaskDefinition task = FargateTaskDefinition.Builder.create(scope, "Task")
        .cpu(cpu)
        .memoryLimitMiB(memoryMiB)
        .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.X86_64)
            .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
        .build();
    LogGroup logs = LogGroup.Builder.create(scope, "Logs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    Map<String, String> environment = new LinkedHashMap<>(env.variables());
    environment.put("AWS_REGION", Stack.of(scope).getRegion());
    return new ServiceTask(task, logs, environment);
  }

  public void addContainer(String name, Path image, Duration stopTimeout, List<PortMapping> ports) {
    task.addContainer(name, ContainerDefinitionOptions.builder()
        .image(ContainerImage.fromAsset(image.toString(),
            AssetImageProps.builder().platform(Platform.LINUX_AMD64).build()))
        .environment(environment)
        .portMappings(ports.isEmpty() ? null : ports)
        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().streamPrefix(name).logGroup(logs).build()))
        .stopTimeout(stopTimeout)
        .build());
  }
}
