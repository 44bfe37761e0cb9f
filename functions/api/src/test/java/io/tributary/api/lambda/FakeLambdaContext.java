package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda runtime's per-invocation context: a plain value holder, our side of the boundary. */
final class FakeLambdaContext implements Context {
  @Override public String getAwsRequestId() { return "0f6c2b7e-1d4a-5b6c-7d8e-9f0123456789"; }
  @Override public String getLogGroupName() { return "/aws/lambda/tributary-api"; }
  @Override public String getLogStreamName() { return "2026/11/25/[$LATEST]0123456789abcdef"; }
  @Override public String getFunctionName() { return "tributary-api"; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:tributary-api";
  }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return 29_000; }
  @Override public int getMemoryLimitInMB() { return 1024; }
  @Override public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.out.print(message); }
      @Override public void log(byte[] message) { System.out.print(new String(message)); }
    };
  }
}
